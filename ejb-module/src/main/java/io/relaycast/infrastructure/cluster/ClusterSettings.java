package io.relaycast.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether this server is one of several (REDIS_URL), and how fast a silent node is given up. */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    @ConfigProperty(name = "redis.url")
    Optional<String> redisUrl;

    /** A node that has not renewed its heartbeat for this long is dead to the others. */
    @Inject
    @ConfigProperty(name = "cluster.node-timeout-seconds", defaultValue = "10")
    int nodeTimeoutSeconds;

    /** Pooled Redis connections per node (one more is the subscriber's). */
    @Inject
    @ConfigProperty(name = "redis.pool-size", defaultValue = "32")
    int poolSize;

    public int poolSize() {
        return Math.max(4, poolSize);
    }

    public Optional<String> redisUrl() {
        return redisUrl.filter(u -> !u.isBlank());
    }

    public boolean clustered() {
        return redisUrl().isPresent();
    }

    public long nodeTimeoutMillis() {
        return Math.max(3, nodeTimeoutSeconds) * 1000L;
    }

    /** Heartbeats three times per timeout, so one late beat does not kill a node. */
    public long heartbeatMillis() {
        return nodeTimeoutMillis() / 3;
    }
}
