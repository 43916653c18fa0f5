package io.relaycast.application.delivery;

import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    static DeliveryPolicy policy(boolean sfuConfigured, String configuredDefault) {
        DeliveryPolicy p = new DeliveryPolicy();
        p.sfu = new NoSfu(sfuConfigured, sfuConfigured);
        p.configuredDefault = Optional.ofNullable(configuredDefault);
        return p;
    }

    @Test
    void theDefaultFollowsConfigurationThenTheSfu() {
        assertEquals(DeliveryMode.P2P, policy(false, null).choose(null));
        assertEquals(DeliveryMode.SFU, policy(true, null).choose(null));
        assertEquals(DeliveryMode.P2P, policy(true, "p2p").choose(null));
        assertEquals(DeliveryMode.P2P, policy(true, null).choose("p2p"));
        assertEquals(DeliveryMode.SFU, policy(true, "p2p").choose("sfu"));
    }

    @Test
    void sfuWithoutAnSfuIsAConflictNotAFallback() {
        SfuUnavailableException e = assertThrows(SfuUnavailableException.class, () -> policy(false, null).choose("sfu"));
        assertEquals("sfu-unavailable", e.code());
        assertThrows(SfuUnavailableException.class, () -> policy(false, "sfu").choose(null));
        assertThrows(InvalidInputException.class, () -> policy(true, null).choose("relay-me"));
        DeliveryPolicy down = policy(true, null);
        down.sfu = new NoSfu(true, false);
        assertThrows(SfuUnavailableException.class, () -> down.choose("sfu"), "configured but unreachable");
        assertEquals(DeliveryMode.P2P, down.choose("p2p"));
    }

    /** Only {@link Sfu#configured()} and {@link Sfu#reachable()} matter here. */
    record NoSfu(boolean configured, boolean reachable) implements Sfu {
        public boolean probe() {
            return reachable;
        }

        public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
            throw new UnsupportedOperationException();
        }

        public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
            throw new UnsupportedOperationException();
        }

        public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
            throw new UnsupportedOperationException();
        }

        public void trickle(PeerId peer, RelayPayload candidate) {
        }

        public void selectLayer(PeerId viewer, int substream) {
        }

        public void leave(PeerId peer) {
        }

        public void closeRoom(StreamId room) {
        }
    }
}
