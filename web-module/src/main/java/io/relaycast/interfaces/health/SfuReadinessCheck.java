package io.relaycast.interfaces.health;

import io.relaycast.application.delivery.sfu.Sfu;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The SFU, when one is configured: DOWN while it cannot be reached (SFU streams are then refused;
 * peer-to-peer streams go on). Without JANUS_URL there is nothing to check.
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
        return HealthCheckResponse.named("sfu").status(sfu.probe()).withData("configured", true).build();
    }
}
