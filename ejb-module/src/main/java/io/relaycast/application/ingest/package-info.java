/**
 * How media enters a stream (a publisher): {@code PublisherSeat} holds the rules every ingest kind
 * shares; one sub-package per kind (the browser today; WHIP and RTMP go beside it).
 */
package io.relaycast.application.ingest;
