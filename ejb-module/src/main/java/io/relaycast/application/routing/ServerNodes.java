package io.relaycast.application.routing;

import org.eclipse.microprofile.metrics.Metadata;

/** The servers sharing rooms: just this one, or a cluster's nodes. */
public interface ServerNodes {

    /** Registered by {@link #join()}, whichever kind of node this is. */
    Metadata NODES_GAUGE = Metadata.builder().withName("relaycast.cluster.nodes")
            .withDescription("Live servers sharing rooms (1 without REDIS_URL)").build();

    /** False while another node of the cluster is running (its sessions and timers are not this one's to reset). */
    boolean alone();

    /** Whether rooms are shared through Redis (REDIS_URL). */
    boolean clustered();

    /** Redis answers (true on a single server, which has none). */
    boolean reachable();

    /** This node's id in the cluster ("local" on a single server). */
    String nodeId();

    /** Live nodes as of the last heartbeat round (1 on a single server). */
    int liveNodes();

    /** Starts this node's part in the cluster (heartbeats, watching the others); nothing on a single server. */
    void join();

    /** Tells the other servers what happened to a stream (they act for the members they hold); nothing on one server. */
    void announce(RoomNews news);
}
