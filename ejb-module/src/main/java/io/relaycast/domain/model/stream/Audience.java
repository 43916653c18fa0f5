package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stream's audience figures (the peak only ever grows) and the owner's limit on its size. */
@Embeddable
public class Audience {

    public static final int MAX_VIEWERS = 1_000_000;

    @Column(name = "viewer_count_peak", nullable = false)
    private int peak;

    @Column(name = "like_count", nullable = false)
    private long likes;

    /** At most this many viewers at a time (staff always get in); null: no limit. */
    @Column(name = "max_viewers")
    private Integer maxViewers;

    /** Called with the number of viewers open right now. */
    void observe(long openNow) {
        if (openNow > peak) {
            peak = (int) Math.min(openNow, Integer.MAX_VALUE);
        }
    }

    long like() {
        return ++likes;
    }

    /** At most this many viewers at a time; 0 lifts the limit. */
    void limit(int max) {
        if (max < 0 || max > MAX_VIEWERS) {
            throw new InvalidInputException("maxViewers must be between 0 (no limit) and " + MAX_VIEWERS + ".");
        }
        maxViewers = max == 0 ? null : max;
    }

    boolean isFull(long open) {
        return maxViewers != null && open >= maxViewers;
    }

    int peak() {
        return peak;
    }

    long likes() {
        return likes;
    }

    Integer maxViewers() {
        return maxViewers;
    }
}
