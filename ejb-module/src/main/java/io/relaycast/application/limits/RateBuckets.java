package io.relaycast.application.limits;

/** Token buckets by key. One server's memory, or shared by a cluster's nodes (see {@link RateBucketStore}). */
public interface RateBuckets {

    /** Takes a token; 0 when there was one, else how long until there is (nanoseconds). */
    long take(String key);

    /** How long until a token is there (0 now), without taking one. */
    long waitFor(String key);
}
