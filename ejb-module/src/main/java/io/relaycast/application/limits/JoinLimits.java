package io.relaycast.application.limits;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Viewer admissions per client address and per stream. Each admission opens a database row and
 * mints TURN credentials, so a script must not be able to do it thousands of times a second; an
 * office behind one NAT joining an all-hands at 10:00 must still get in (bursts of five seconds'
 * worth, then the steady rate).
 */
@ApplicationScoped
public class JoinLimits {

    @Inject
    @ConfigProperty(name = "viewers.joins-per-address-per-second", defaultValue = "10")
    int perAddress;

    @Inject
    @ConfigProperty(name = "viewers.joins-per-stream-per-second", defaultValue = "500")
    int perStream;

    private RateBuckets byAddress;
    private RateBuckets byStream;

    public JoinLimits() {
        // for CDI; the limits come from configuration
    }

    /** With these limits, in buckets of the given store (tests). */
    public JoinLimits(int perAddress, int perStream, RateBucketStore store) {
        this.perAddress = perAddress;
        this.perStream = perStream;
        this.store = store;
        init();
    }

    /** Shared by the cluster's nodes when there is one. */
    @Inject
    RateBucketStore store;

    @PostConstruct
    void init() {
        byAddress = store.buckets("joins-by-address", perAddress, 5.0 * perAddress);
        byStream = store.buckets("joins-by-stream", perStream, 5.0 * perStream);
    }

    /** Takes one admission for this address (null when unknown) and stream, or says when to retry. */
    public void admit(String address, StreamId streamId) {
        long wait = address == null ? 0 : byAddress.take(address);
        if (wait == 0) {
            wait = byStream.take(streamId.value());
        }
        if (wait > 0) {
            throw new RateLimitedException("Too many viewers joining right now; try again in a moment.",
                    RateLimitedException.seconds(wait));
        }
    }
}
