/**
 * Publishing from the console's browser page over the signaling socket.
 */
package io.relaycast.application.ingest.browser;
