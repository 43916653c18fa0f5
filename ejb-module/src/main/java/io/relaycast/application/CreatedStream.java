package io.relaycast.application;

/** The only place besides the owner's own detail view where the stream key is handed out. */
public record CreatedStream(String streamId, String streamKey) {

    @Override
    public String toString() {
        return "CreatedStream[streamId=" + streamId + "]";
    }
}
