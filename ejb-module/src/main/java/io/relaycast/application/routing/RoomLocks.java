package io.relaycast.application.routing;

import io.relaycast.domain.model.stream.StreamId;
import java.util.function.Supplier;

/**
 * Serializes the membership changes of one room (joins, takeovers, leaves, the end) so that, for
 * example, two broadcaster sessions cannot both win a takeover. One JVM's monitors today; a
 * cluster needs a lock every node honours.
 */
public interface RoomLocks {

    <T> T inRoom(StreamId streamId, Supplier<T> work);

    default void inRoom(StreamId streamId, Runnable work) {
        inRoom(streamId, () -> {
            work.run();
            return null;
        });
    }

    /** The room is gone; its lock may be dropped. */
    void forget(StreamId streamId);
}
