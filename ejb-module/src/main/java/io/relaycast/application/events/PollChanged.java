package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/** Fired inside the transaction that opened or closed a poll, or stored a vote in it; observers act after it commits. */
public record PollChanged(StreamId streamId, String pollId, Kind kind) {

    public enum Kind { OPENED, VOTED, CLOSED }
}
