/**
 * Streams: create, start, end, like, list and read them ({@code LivestreamService}).
 */
package io.relaycast.application.stream;
