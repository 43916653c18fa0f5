/**
 * The WHIP endpoint (RFC 9725) for encoders: {@code /whip/{streamId}} and its resources, over the
 * application's WHIP ingest.
 */
package io.relaycast.interfaces.whip;
