package io.relaycast.application.delivery;

import io.relaycast.application.routing.Participant;
import io.relaycast.domain.model.stream.DeliveryMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one place a stream's {@link DeliveryMode} picks its {@link Delivery}. */
@ApplicationScoped
public class Deliveries {

    private final Map<DeliveryMode, Delivery> byMode = new EnumMap<>(DeliveryMode.class);

    /** For the container's proxy. */
    protected Deliveries() {
    }

    @Inject
    public Deliveries(@Any Instance<Delivery> all) {
        this(all.stream().toList());
    }

    /** Every mode must have exactly one implementation. */
    public Deliveries(Collection<? extends Delivery> all) {
        for (Delivery d : all) {
            if (byMode.put(d.mode(), d) != null) {
                throw new IllegalStateException("Two deliveries for " + d.mode());
            }
        }
        for (DeliveryMode mode : DeliveryMode.values()) {
            if (!byMode.containsKey(mode)) {
                throw new IllegalStateException("No delivery for " + mode);
            }
        }
    }

    /** The delivery of the member's stream. */
    public Delivery of(Participant member) {
        return byMode.get(member.delivery());
    }

    public Delivery of(DeliveryMode mode) {
        return byMode.get(mode);
    }

    public Collection<Delivery> all() {
        return List.copyOf(byMode.values());
    }
}
