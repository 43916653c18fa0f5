package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/** Fired inside the transaction that added a question, changed its state or its upvotes; observers act after it commits. */
public record QuestionChanged(StreamId streamId, String questionId, Kind kind) {

    public enum Kind { ADDED, UPDATED, VOTED }
}
