package io.relaycast.application.hls;

import io.relaycast.application.delivery.sfu.RtpTarget;
import java.time.Duration;

/** One running packager of a stream: where the SFU sends it RTP, until it is stopped. */
public interface Ladder {

    RtpTarget target();

    /** Waits until the packager listens on its ports (so the SFU's first keyframe is not lost); whether it does. */
    boolean awaitListening(Duration timeout) throws InterruptedException;

    boolean alive();

    /** Ends the ladder (its playlists say so); returns once the packager has exited. */
    void stop();
}
