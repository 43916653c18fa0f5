package io.relaycast.application.ingest;

import java.time.Instant;

/** An encoder publishing into a stream through this server: how ({@code whip}, {@code rtmp}), since when, what it sends. */
public record EncoderState(String protocol, Instant since, EncoderInput input) {
}
