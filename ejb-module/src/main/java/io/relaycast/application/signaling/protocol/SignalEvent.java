package io.relaycast.application.signaling.protocol;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import java.time.Instant;
import java.util.List;

/** What the server tells a client; the transport turns each into its wire form (docs/websocket-protocol.md). */
public sealed interface SignalEvent {

    /** A viewer as the broadcaster sees it: whom to send an offer to. */
    record AudienceMember(PeerId peerId, UserId userId) {
    }

    /**
     * The reply to a join. A broadcaster gets {@code viewers}; a viewer gets {@code viewerId} and
     * {@code broadcasterPeerId} (either may be null).
     */
    record Joined(StreamId streamId, PeerId peerId, PeerRole role, StreamStatus status, DeliveryMode delivery,
                  RoomStats stats, List<AudienceMember> viewers, ViewerId viewerId, PeerId broadcasterPeerId,
                  List<IceServer> iceServers) implements SignalEvent {
    }

    /** The SFU's answer to the broadcaster's publish offer. */
    record SfuPublished(RelayPayload sdp) implements SignalEvent {
    }

    /** The SFU was restarted: the broadcaster publishes again (its old connection is gone). */
    record SfuRestart() implements SignalEvent {
    }

    /** The SFU's offer to a viewer: the stream, to answer with {@code sfu:answer}. */
    record SfuOffer(RelayPayload sdp) implements SignalEvent {
    }

    /** A viewer that waited for a scheduled stream has its viewing session now, and its TURN credentials. */
    record Admitted(ViewerId viewerId, List<IceServer> iceServers) implements SignalEvent {
    }

    record ViewerJoined(AudienceMember viewer) implements SignalEvent {
    }

    record ViewerLeft(PeerId peerId) implements SignalEvent {
    }

    record BroadcasterLeft(int graceSeconds) implements SignalEvent {
    }

    record BroadcasterRejoined(PeerId peerId) implements SignalEvent {
    }

    /** A relayed offer/answer/candidate: only the payload, and a server-set {@code from}. */
    record Relayed(RelayKind kind, PeerId from, RelayPayload payload) implements SignalEvent {
    }

    record StreamStarted(StreamId streamId) implements SignalEvent {
    }

    record StreamStopped(StreamId streamId, Instant endedAt, String recordingUrl) implements SignalEvent {
    }

    record StreamUpdate(RoomStats stats) implements SignalEvent {
    }

    /** The owner changed what the stream announces (a waiting room's countdown moves with it). */
    record StreamRevised(StreamId streamId, String title, String description, Instant scheduledAt,
                         java.util.List<String> tags) implements SignalEvent {
    }

    /** A scheduled stream will not air; the room closes after this. */
    record StreamCancelled(StreamId streamId) implements SignalEvent {
    }

    record ChatMessage(long id, StreamId streamId, UserId userId, String displayName, String message,
                       Instant createdAt) implements SignalEvent {
    }

    /** A moderator removed a chat line: pages take it away. */
    record ChatDeleted(long id) implements SignalEvent {
    }

    /** A question added or changed ({@code kind}: added, updated), as any viewer may see it. */
    record QuestionEvent(String kind, String id, String text, String author, boolean anonymous, String state,
                         int votes, java.time.Instant createdAt) implements SignalEvent {
    }

    /** A live caption: a final line, or the line still being written (interim, replaced by the next). */
    record Caption(String text, boolean finalLine, java.time.Instant at) implements SignalEvent {
    }

    /** A question viewers no longer see (dismissed). */
    record QuestionRemoved(String id) implements SignalEvent {
    }

    /** Upvotes of the questions that got some in the last half second: id → count. */
    record QuestionVotes(java.util.Map<String, Integer> votes) implements SignalEvent {
    }

    /** A poll opened, closed, or with new votes: its question, options and results so far. */
    record PollUpdate(String pollId, String question, java.util.List<String> options, java.util.List<Integer> votes,
                      String state) implements SignalEvent {
    }

    /** The reactions a room got in one short window: emoji → how many. */
    record Reactions(java.util.Map<String, Integer> counts) implements SignalEvent {
    }

    /** A pinned link or product, shown on the watch page. */
    record PinAdded(String pinId, String title, String url, String description, String imageUrl, String price)
            implements SignalEvent {
    }

    record PinRemoved(String pinId) implements SignalEvent {
    }

    /** Relay delivery: from now on this viewer is fed by {@code parent} (an offer from it follows). */
    record RelayParent(PeerId parent, boolean broadcaster) implements SignalEvent {
    }

    /** Relay delivery: feed this viewer (offer it what you receive, or your camera if you are the broadcaster). */
    record RelayChild(PeerId child) implements SignalEvent {
    }

    /** Relay delivery: stop feeding this viewer. */
    record RelayChildRemoved(PeerId child) implements SignalEvent {
    }

    record Pong(Instant time) implements SignalEvent {
    }

    /**
     * To the sender only; never closes the session. {@code inReplyTo}: the type of the refused
     * message where a page shows the reason next to it (chat, like), else null; {@code retryAfter}:
     * seconds until the same message would pass, or 0.
     */
    record Error(String code, String message, String inReplyTo, long retryAfter) implements SignalEvent {
        public Error(String code, String message) {
            this(code, message, null, 0);
        }
    }

    /**
     * An event already in its wire form: what another server of the cluster encoded for members
     * whose sockets are here. Sheddable as the event it was (see {@link #isSheddable}).
     */
    record Encoded(String text, boolean sheddable) implements SignalEvent {
    }

    /**
     * What a backed-up client loses instead of its connection: relayed signaling (the sender is told
     * and may retry), chat (history is on REST) and counts (the next update supersedes). So viewers
     * cannot get a broadcaster disconnected by sending it more than it reads.
     */
    static boolean isSheddable(SignalEvent event) {
        return event instanceof Relayed || event instanceof ChatMessage || event instanceof StreamUpdate
                || event instanceof Encoded e && e.sheddable();
    }
}
