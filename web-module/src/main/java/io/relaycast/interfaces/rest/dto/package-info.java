/**
 * JSON bodies of the REST API.
 */
package io.relaycast.interfaces.rest.dto;
