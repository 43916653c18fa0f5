/**
 * Publishing from an encoder (OBS, vMix, hardware) over WHIP (RFC 9725): the encoder's offer goes to
 * the stream's SFU as the broadcaster's, and the encoder holds the broadcaster's seat until it stops.
 */
package io.relaycast.application.ingest.whip;
