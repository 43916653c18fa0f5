package io.relaycast.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down when the heap is nearly exhausted: a restart is then the better cure. */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double share = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(share < MAX_HEAP_USE)
                .withData("usedPercent", Math.round(share * 100))
                .build();
    }
}
