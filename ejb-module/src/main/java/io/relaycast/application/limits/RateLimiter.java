package io.relaycast.application.limits;

/**
 * Token bucket: {@code ratePerSecond} tokens a second, bursts up to twice that (or as given).
 * Not thread-safe: one per session (a session's messages arrive one at a time), or guarded by its owner.
 */
public final class RateLimiter {

    public enum Verdict { ALLOW, REJECT, FLOOD }

    private final double ratePerNano;
    private final double capacity;
    private final int floodThreshold;
    private double tokens;
    private long last;
    private long windowStart;
    private int rejectedInWindow;

    public RateLimiter(int ratePerSecond, long nowNanos) {
        this(ratePerSecond, 2.0 * ratePerSecond, nowNanos);
    }

    /** A bucket that holds {@code burst} tokens (at least one). */
    public RateLimiter(int ratePerSecond, double burst, long nowNanos) {
        this(ratePerSecond / 1e9, burst, nowNanos);
    }

    /** A bucket of {@code burst} tokens refilled at any rate, also slow ones (a few an hour). */
    public static RateLimiter ofRate(double perSecond, double burst, long nowNanos) {
        return new RateLimiter(perSecond / 1e9, burst, nowNanos);
    }

    private RateLimiter(double ratePerNano, double burst, long nowNanos) {
        this.ratePerNano = ratePerNano;
        this.capacity = Math.max(1.0, burst);
        // Rejected messages in one second beyond which the sender is cut off.
        this.floodThreshold = (int) Math.max(1, 2 * ratePerNano * 1e9);
        this.tokens = capacity;
        this.last = nowNanos;
        this.windowStart = nowNanos;
    }

    public Verdict acquire(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ALLOW;
        }
        if (nowNanos - windowStart >= 1_000_000_000L) {
            windowStart = nowNanos;
            rejectedInWindow = 0;
        }
        rejectedInWindow++;
        return rejectedInWindow > floodThreshold ? Verdict.FLOOD : Verdict.REJECT;
    }

    /** Whether a token is there now, without taking it. */
    public boolean available(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    /** How long until the next token (0 when one is there). */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - last) * ratePerNano);
        last = nowNanos;
    }
}
