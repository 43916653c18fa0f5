package io.relaycast.application.signaling;

import io.relaycast.application.LivestreamService;
import io.relaycast.application.StreamSnapshot;
import io.relaycast.domain.model.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads a room's live numbers from the stream's committed state. */
@ApplicationScoped
public class RoomStatistics {

    @Inject
    LivestreamService streams;

    public RoomStats of(StreamId streamId) {
        StreamSnapshot s = streams.find(streamId.value());
        return new RoomStats(s.currentViewers(), s.stream().getViewerCountPeak(), s.stream().getLikeCount());
    }
}
