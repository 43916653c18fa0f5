package io.relaycast.application.limits;

/**
 * Where rate limits keep their buckets: so that a limit holds across every node of a cluster, not
 * per node. {@code name} keeps one limit's keys apart from another's.
 */
public interface RateBucketStore {

    RateBuckets buckets(String name, double perSecond, double burst);

    /** Buckets in this JVM (a single server, and unit tests). */
    static RateBucketStore local() {
        return (name, perSecond, burst) -> new KeyedRateLimits(perSecond, burst, System::nanoTime);
    }
}
