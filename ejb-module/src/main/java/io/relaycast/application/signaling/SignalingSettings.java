package io.relaycast.application.signaling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signaling limits and timers (MicroProfile Config; env vars in docs/configuration.md). */
@ApplicationScoped
public class SignalingSettings {

    @Inject
    @ConfigProperty(name = "signaling.broadcaster-grace-seconds", defaultValue = "30")
    int broadcasterGraceSeconds;

    @Inject
    @ConfigProperty(name = "signaling.first-connect-seconds", defaultValue = "60")
    int firstConnectSeconds;

    @Inject
    @ConfigProperty(name = "signaling.idle-timeout-seconds", defaultValue = "60")
    int idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "signaling.join-timeout-seconds", defaultValue = "10")
    int joinTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "signaling.max-sockets-per-address", defaultValue = "500")
    int maxSocketsPerAddress;

    @Inject
    @ConfigProperty(name = "signaling.max-messages-per-second", defaultValue = "30")
    int maxMessagesPerSecond;

    @Inject
    @ConfigProperty(name = "signaling.max-message-bytes", defaultValue = "65536")
    int maxMessageBytes;

    @Inject
    @ConfigProperty(name = "signaling.update-interval-ms", defaultValue = "250")
    int updateIntervalMillis;

    @Inject
    @ConfigProperty(name = "signaling.max-queued-messages", defaultValue = "1000")
    int maxQueuedMessages;

    @Inject
    @ConfigProperty(name = "signaling.max-sdp-bytes", defaultValue = "32768")
    int maxSdpBytes;

    @Inject
    @ConfigProperty(name = "signaling.max-candidate-bytes", defaultValue = "2048")
    int maxCandidateBytes;

    @Inject
    @ConfigProperty(name = "signaling.max-relays-per-second", defaultValue = "10")
    int maxRelaysPerSecond;

    @Inject
    @ConfigProperty(name = "signaling.send-stall-seconds", defaultValue = "10")
    int sendStallSeconds;

    @Inject
    @ConfigProperty(name = "signaling.writer-threads", defaultValue = "0")
    int writerThreads;

    public int broadcasterGraceSeconds() {
        return broadcasterGraceSeconds;
    }

    /** How long a stream started over REST waits for its broadcaster's first connection. */
    public int firstConnectSeconds() {
        return firstConnectSeconds;
    }

    public int idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    /** A socket that has not joined a room this long after it opened is closed (pings do not count). */
    public int joinTimeoutSeconds() {
        return joinTimeoutSeconds;
    }

    /** Open sockets one client address may hold (a NAT or proxy in front of many users counts as one). */
    public int maxSocketsPerAddress() {
        return maxSocketsPerAddress;
    }

    public int maxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int updateIntervalMillis() {
        return updateIntervalMillis;
    }

    /** Largest relayed SDP (JSON text of the {@code sdp} field); a real one is a few KB. */
    public int maxSdpBytes() {
        return maxSdpBytes;
    }

    /** Largest relayed ICE candidate (JSON text of the {@code candidate} field); a real one is ~200 bytes. */
    public int maxCandidateBytes() {
        return maxCandidateBytes;
    }

    /** Offers, answers and candidates one session may relay per second (bursts of three times that). */
    public int maxRelaysPerSecond() {
        return maxRelaysPerSecond;
    }

    /** Messages waiting for a slow client beyond which it is disconnected. */
    public int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    /** A write to a client that has not finished after this long (it stopped reading) aborts its socket. */
    public int sendStallSeconds() {
        return Math.max(1, sendStallSeconds); // 0 would give up every write in progress
    }

    /** Threads that write to sockets; 0: twice the processors, at least four. */
    public int writerThreads() {
        return writerThreads > 0 ? writerThreads : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }
}
