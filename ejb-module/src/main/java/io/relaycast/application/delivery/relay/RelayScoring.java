package io.relaycast.application.delivery.relay;

/**
 * A viewer's worth as a relay, from what its page measures: upload capacity above all, then a
 * clean connection (loss, round-trip time) and staying power (how long it has watched). A viewer
 * that opted out, uploads too little for one more copy of the stream, loses packets or runs out of
 * CPU is a leaf.
 */
public final class RelayScoring {

    /**
     * The browser's estimate of what it can upload (availableOutgoingBitrate): below this it cannot
     * carry even one more low-quality copy of the stream.
     */
    static final double MIN_UPLOAD_KBPS = 500;
    static final double MAX_LOSS_PERCENT = 5;
    static final double MAX_RTT_MS = 500;

    private RelayScoring() {
    }

    /** Any measurement may be null (not measured yet): the viewer gets the benefit of the doubt. */
    public static RelayTree.Profile profile(Double uploadKbps, Double rttMs, Double lossPercent, String cpu,
                                            long watchedSeconds, boolean leafOnly, String site) {
        boolean weak = (uploadKbps != null && uploadKbps < MIN_UPLOAD_KBPS)
                || (lossPercent != null && lossPercent > MAX_LOSS_PERCENT)
                || (rttMs != null && rttMs > MAX_RTT_MS)
                || "serious".equals(cpu) || "critical".equals(cpu);
        double score = Math.min(10, (uploadKbps == null ? 2 * MIN_UPLOAD_KBPS : uploadKbps) / 1000)
                + Math.min(10, watchedSeconds / 60.0) * 0.2
                - (lossPercent == null ? 0 : lossPercent) * 0.5
                - (rttMs == null ? 0 : rttMs / 100);
        return new RelayTree.Profile(Math.round(score * 100) / 100.0, !leafOnly && !weak, site);
    }
}
