package io.relaycast.application.delivery;

import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuUnavailableException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which delivery a new stream gets: what the broadcaster asked for, else {@code DELIVERY_DEFAULT},
 * else {@code sfu} when an SFU is configured, else {@code p2p}. Asking for {@code sfu} on a server
 * without one is refused, never silently turned into P2P.
 */
@ApplicationScoped
public class DeliveryPolicy {

    @Inject
    Sfu sfu;

    @Inject
    @ConfigProperty(name = "delivery.default")
    Optional<String> configuredDefault;

    /** The fan-out of a relay tree: children per node, the broadcaster included. */
    public int relayFanout(Integer requested) {
        int f = requested == null ? 3 : requested;
        if (f < 1 || f > 8) {
            throw new InvalidInputException("relayFanout must be 1–8.");
        }
        return f;
    }

    public DeliveryMode choose(String requested) {
        String name = requested != null ? requested
                : configuredDefault.filter(s -> !s.isBlank()).orElse(sfu.configured() ? "sfu" : "p2p");
        DeliveryMode mode = DeliveryMode.ofWireName(name.strip())
                .orElseThrow(() -> new InvalidInputException("delivery must be 'p2p', 'sfu' or 'relay' (was '" + name + "')."));
        if (mode == DeliveryMode.SFU && !sfu.configured()) {
            throw new SfuUnavailableException("This server has no SFU (JANUS_URL is not set); use delivery 'p2p'.");
        }
        if (mode == DeliveryMode.SFU && !sfu.probe()) {
            throw new SfuUnavailableException("The SFU cannot be reached right now; try again, or use delivery 'p2p'.");
        }
        return mode;
    }
}
