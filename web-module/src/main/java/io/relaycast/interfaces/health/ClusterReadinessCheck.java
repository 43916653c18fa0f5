package io.relaycast.interfaces.health;

import io.relaycast.application.routing.ServerNodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis, when rooms are shared with other servers (REDIS_URL): DOWN while it cannot be reached, so
 * that a load balancer sends new sessions to a node that can reach its peers. Without REDIS_URL
 * there is nothing to check.
 */
@Readiness
@ApplicationScoped
public class ClusterReadinessCheck implements HealthCheck {

    @Inject
    ServerNodes nodes;

    @Override
    public HealthCheckResponse call() {
        if (!nodes.clustered()) {
            return HealthCheckResponse.named("redis").up().withData("configured", false).build();
        }
        return HealthCheckResponse.named("redis").status(nodes.reachable()).withData("configured", true)
                .withData("node", nodes.nodeId()).withData("liveNodes", nodes.liveNodes()).build();
    }
}
