/**
 * The REST API (JAX-RS): thin resources that parse, validate, call one application service and map
 * the result.
 */
package io.relaycast.interfaces.rest;
