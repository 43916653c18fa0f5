package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.ServerNodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** A single server: the only node there is, with nobody to tell anything. */
@ApplicationScoped
@Typed(LocalNode.class) // chosen by RoomMachinery
public class LocalNode implements ServerNodes {

    @Inject
    MetricRegistry metrics;

    private boolean joined;

    @Override
    public boolean alone() {
        return true;
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public String nodeId() {
        return "local";
    }

    @Override
    public int liveNodes() {
        return 1;
    }

    @Override
    public synchronized void join() {
        if (!joined) {
            joined = true;
            metrics.gauge(NODES_GAUGE, this, ServerNodes::liveNodes);
        }
    }

    @Override
    public void announce(RoomNews news) {
        // one server: nobody else holds members
    }
}
