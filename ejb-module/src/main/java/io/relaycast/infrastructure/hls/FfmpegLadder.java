package io.relaycast.infrastructure.hls;

import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.hls.Ladder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** One ffmpeg process packaging a stream's forwarded RTP. */
final class FfmpegLadder implements Ladder {

    private static final Logger LOG = Logger.getLogger(FfmpegLadder.class.getName());
    private static final Duration GRACEFUL = Duration.ofSeconds(5);

    private final Process process;
    private final RtpTarget target;

    FfmpegLadder(Process process, RtpTarget target) {
        this.process = process;
        this.target = target;
    }

    @Override
    public RtpTarget target() {
        return target;
    }

    @Override
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (!UdpPorts.free(target.audioPort()) && !UdpPorts.free(target.videoPort())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /**
     * At the end SIGTERM: ffmpeg finishes the segment in hand and writes the playlists' end (also
     * while it waits for packets that no longer come, where a {@code q} on its input would not be
     * read). For a new publication SIGKILL: no end written, players go on with the next packager.
     */
    @Override
    public void stop(boolean endPlaylists) {
        if (!process.isAlive()) {
            return;
        }
        if (endPlaylists) {
            process.destroy();
        } else {
            process.destroyForcibly();
        }
        try {
            if (!process.waitFor(GRACEFUL.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("The HLS packager did not stop when asked; killed");
                process.destroyForcibly().waitFor(GRACEFUL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
