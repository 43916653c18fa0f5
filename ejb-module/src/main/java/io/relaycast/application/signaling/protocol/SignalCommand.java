package io.relaycast.application.signaling.protocol;

import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.viewer.ViewerId;

/**
 * What a client asks of the signaling rules, already decoded and shape-checked by the transport.
 * Nothing here says who the sender is: that comes from the session, never from a message.
 */
public sealed interface SignalCommand {

    /** {@code stream:join}: as broadcaster (key or owner sign-in) or as viewer (maybe adopting a row). */
    record Join(PeerRole role, StreamKey streamKey, ViewerId viewerId, RelayPrefs relay, Playback playback)
            implements SignalCommand {
        public Join(PeerRole role, StreamKey streamKey, ViewerId viewerId, RelayPrefs relay) {
            this(role, streamKey, viewerId, relay, Playback.WEBRTC);
        }

        public static Join broadcaster(StreamKey key) {
            return new Join(PeerRole.BROADCASTER, key, null, RelayPrefs.NONE);
        }

        public static Join viewer(ViewerId adopt) {
            return new Join(PeerRole.VIEWER, null, adopt, RelayPrefs.NONE);
        }
    }

    /** {@code stream:transport}: the viewer's page changes how it receives the media (WebRTC or HLS). */
    record ChangePlayback(Playback playback) implements SignalCommand {
    }

    /** A viewer's wishes for relay delivery: a site label (an office), and whether it will relay at all. */
    record RelayPrefs(String site, boolean leafOnly) {
        public static final RelayPrefs NONE = new RelayPrefs(null, false);
    }

    /** {@code relay:lost-parent}: the viewer's video from its parent stalled. */
    record LostParent() implements SignalCommand {
    }

    /** An offer, answer or candidate; {@code to} is null when the client named no addressee. */
    record Relay(RelayKind kind, PeerId to, RelayPayload payload) implements SignalCommand {
    }

    /** A negotiation with the server's media engine (the {@code sfu:*} messages); the stream's delivery handles it. */
    sealed interface SfuNegotiation extends SignalCommand {
    }

    /** The broadcaster's offer to publish to the SFU (delivery {@code sfu}). */
    record SfuPublish(RelayPayload sdp) implements SfuNegotiation {
    }

    /** A viewer's answer to the SFU's subscription offer. */
    record SfuAnswer(RelayPayload sdp) implements SfuNegotiation {
    }

    /** A trickled candidate for the sender's SFU connection. */
    record SfuCandidate(RelayPayload candidate) implements SfuNegotiation {
    }

    /** Which simulcast layer a viewer wants: 0 low, 1 medium, 2 high. */
    record SfuLayer(int substream) implements SfuNegotiation {
    }

    record ChatSend(String message) implements SignalCommand {
    }

    record Like() implements SignalCommand {
    }

    /** One reaction (an emoji of the fixed set); counted, then sent to the room as totals per window. */
    record React(String emoji) implements SignalCommand {
    }

    record EndStream() implements SignalCommand {
    }

    /** A viewer page's connection quality (any value it could not measure is null). */
    record Stats(Double rttMs, Double lossPercent, Double bitrateKbps, Double framesPerSecond, Double uploadKbps,
                 String cpu) implements SignalCommand {
    }

    record Ping() implements SignalCommand {
    }
}
