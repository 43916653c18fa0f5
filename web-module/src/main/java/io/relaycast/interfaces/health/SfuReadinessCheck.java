package io.relaycast.interfaces.health;

import io.relaycast.application.delivery.sfu.Sfu;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The SFU, when one is configured: DOWN while it cannot be reached (SFU streams are then refused;
 * peer-to-peer streams go on). Without JANUS_URL there is nothing to check. Each instance of
 * JANUS_URLS is listed (janus-1, janus-2, …); UP while any of them answers (new streams go there).
 */
@Readiness
@ApplicationScoped
public class SfuReadinessCheck implements HealthCheck {

    @Inject
    Sfu sfu;

    @Override
    public HealthCheckResponse call() {
        if (!sfu.configured()) {
            return HealthCheckResponse.named("sfu").up().withData("configured", false).build();
        }
        boolean up = sfu.probe(); // any instance that answers takes new streams
        HealthCheckResponseBuilder r = HealthCheckResponse.named("sfu").status(up).withData("configured", true);
        // each of JANUS_URLS: reported, not each required
        sfu.instances().forEach((n, reachable) -> r.withData("janus-" + n, reachable ? "UP" : "DOWN"));
        return r.build();
    }
}
