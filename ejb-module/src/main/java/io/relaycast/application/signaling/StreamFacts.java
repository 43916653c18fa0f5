package io.relaycast.application.signaling;

import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;

/**
 * What admission needs to know of a stream, copied out of the entity so that it can be shared
 * between threads. Not a record: its text form must not carry the stream key.
 */
public final class StreamFacts {

    private final String owner;
    private final StreamStatus status;
    private final DeliveryMode delivery;
    private final String streamKey;
    private final int relayFanout;

    public StreamFacts(String owner, StreamStatus status, DeliveryMode delivery, String streamKey, int relayFanout) {
        this.owner = owner;
        this.status = status;
        this.delivery = delivery;
        this.streamKey = streamKey;
        this.relayFanout = relayFanout;
    }

    static StreamFacts of(Livestream s) {
        return new StreamFacts(s.getUserId(), s.getStatus(), s.getDelivery(), s.getStreamKey(), s.getRelayFanout());
    }

    public int relayFanout() {
        return relayFanout;
    }

    public UserId owner() {
        return new UserId(owner);
    }

    public StreamStatus status() {
        return status;
    }

    public DeliveryMode delivery() {
        return delivery;
    }

    /** Signed in as the owner, or holding the stream's key. */
    public boolean admitsBroadcaster(UserId principal, StreamKey presented) {
        return (principal != null && owner.equals(principal.value()))
                || (presented != null && presented.opens(streamKey));
    }

    @Override
    public String toString() {
        return "StreamFacts[owner=" + owner + ", status=" + status + ", delivery=" + delivery + "]";
    }
}
