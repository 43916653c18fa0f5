package io.relaycast.domain.model.reaction;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;

public interface ReactionRepository {

    void add(List<ReactionCount> counts);

    /** Every window's counts of the stream, in no particular order. */
    List<ReactionCount> of(StreamId streamId);
}
