package io.relaycast.application.hls;

import io.relaycast.application.delivery.sfu.RtpTarget;
import java.time.Duration;

/** One running packager of a stream: where the SFU sends it RTP, until it is stopped. */
public interface Ladder {

    RtpTarget target();

    /** Waits until the packager listens on its ports (so the SFU's first keyframe is not lost); whether it does. */
    boolean awaitListening(Duration timeout) throws InterruptedException;

    boolean alive();

    /** Runs once the packager has exited, whatever the cause. */
    void onExit(Runnable action);

    /**
     * Ends the packager; returns once it has exited. {@code endPlaylists}: the playlists say the
     * stream is over (its end); otherwise they stay open for the next packager of the same stream.
     */
    void stop(boolean endPlaylists);
}
