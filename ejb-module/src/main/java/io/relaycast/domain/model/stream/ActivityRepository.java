package io.relaycast.domain.model.stream;

import java.time.Instant;
import java.util.List;

/** What happened in a stream over time: the raw material of its timeline. */
public interface ActivityRepository {

    void addLike(LikeRecord like);

    List<Instant> chatTimes(StreamId streamId);

    List<Instant> likeTimes(StreamId streamId);

    /** Signed-in users counted once each, anonymous sessions each once. */
    long uniqueViewers(StreamId streamId);
}
