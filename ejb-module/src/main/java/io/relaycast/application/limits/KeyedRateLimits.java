package io.relaycast.application.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a user, an address, a stream), forgotten once idle, so that keys an
 * attacker invents cannot grow the map without bound.
 */
public final class KeyedRateLimits implements RateBuckets {

    private static final int TIDY_ABOVE = 10_000;

    private final double perSecond;
    private final double burst;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    private static final class Entry {
        final RateLimiter limiter;
        long lastUse;

        Entry(RateLimiter limiter, long now) {
            this.limiter = limiter;
            this.lastUse = now;
        }
    }

    public KeyedRateLimits(double perSecond, double burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        // a bucket left alone this long is full again: forgetting it changes nothing
        this.idleNanos = (long) Math.max(60e9, burst / perSecond * 1e9);
    }

    @Override
    public long take(String key) {
        long now = nanoClock.getAsLong();
        Entry e = entry(key, now);
        synchronized (e) {
            e.lastUse = now;
            if (e.limiter.available(now)) {
                e.limiter.acquire(now);
                return 0;
            }
            return Math.max(1, e.limiter.nanosUntilToken(now));
        }
    }

    @Override
    public long waitFor(String key) {
        long now = nanoClock.getAsLong();
        Entry e = buckets.get(key);
        if (e == null) {
            return 0;
        }
        synchronized (e) {
            return e.limiter.nanosUntilToken(now);
        }
    }

    public int size() {
        return buckets.size();
    }

    private Entry entry(String key, long now) {
        Entry e = buckets.computeIfAbsent(key, k -> new Entry(RateLimiter.ofRate(perSecond, burst, now), now));
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(x -> now - x.lastUse > idleNanos);
        }
        return e;
    }
}
