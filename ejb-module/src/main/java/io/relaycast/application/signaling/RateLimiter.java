package io.relaycast.application.signaling;

/**
 * Token bucket per session: {@code ratePerSecond} tokens a second, bursts up to twice that.
 * Not thread-safe: one per session, and a session's messages arrive one at a time.
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
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = 2.0 * ratePerSecond;
        // Rejected messages in one second beyond which the sender is cut off.
        this.floodThreshold = 2 * ratePerSecond;
        this.tokens = capacity;
        this.last = nowNanos;
        this.windowStart = nowNanos;
    }

    public Verdict acquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
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
}
