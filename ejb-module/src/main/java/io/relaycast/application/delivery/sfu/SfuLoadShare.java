package io.relaycast.application.delivery.sfu;

import java.util.Map;

/**
 * How many viewers the other servers of a cluster hold on each SFU instance, so that an instance's
 * capacity holds for the cluster, not per server. Nothing to share on a single server.
 */
public interface SfuLoadShare {

    /**
     * Tells the others this server's viewers on each instance (by its URL, which every server lists
     * the same) and returns theirs, summed per instance, as of their last word (a few seconds at most).
     */
    Map<String, Integer> exchange(Map<String, Integer> mine);

    /** A single server: nobody else. */
    SfuLoadShare ALONE = mine -> Map.of();
}
