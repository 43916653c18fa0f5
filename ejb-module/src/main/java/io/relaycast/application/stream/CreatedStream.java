package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.StreamId;
/** The only place besides the owner's own detail view where the stream key is handed out. */
public record CreatedStream(StreamId streamId, String streamKey) {

    @Override
    public String toString() {
        return "CreatedStream[streamId=" + streamId + "]";
    }
}
