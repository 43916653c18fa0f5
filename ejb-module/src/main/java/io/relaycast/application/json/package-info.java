/**
 * The application's one JSON-P provider, looked up once.
 */
package io.relaycast.application.json;
