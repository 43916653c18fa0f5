package io.relaycast.application.signaling;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.GraceTimers;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.chat.ChatAuthor;
import io.relaycast.application.chat.ChatService;
import io.relaycast.application.stream.CreatedStream;
import io.relaycast.application.ice.IceServer;
import io.relaycast.application.ice.IceServerProvider;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.NewStream;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.application.stream.StreamStats;
import io.relaycast.application.viewer.ViewerAdmission;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.shared.RateLimitedException;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.SignInRequiredException;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Plain fakes for the signaling rules' collaborators: no container, no database, no sockets. */
final class SignalingFakes {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private SignalingFakes() {
    }

    /** A transport that records what the rules send it. */
    static final class RecordingPeer implements Peer {
        final List<SignalEvent> sent = new ArrayList<>();
        CloseCause closed;
        /** Set to act as a backed-up transport that sheds relayed messages. */
        boolean shedding;
        /** The client's address, as a socket would know it. */
        String address;

        @Override
        public String clientAddress() {
            return address;
        }

        @Override
        public boolean send(SignalEvent event) {
            if (shedding && event instanceof SignalEvent.Relayed) {
                return false;
            }
            sent.add(event);
            return true;
        }

        @Override
        public void close(CloseCause cause) {
            closed = cause;
        }

        <T extends SignalEvent> List<T> all(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends SignalEvent> T last(Class<T> type) {
            List<T> found = all(type);
            if (found.isEmpty()) {
                throw new AssertionError("No " + type.getSimpleName() + " in " + sent);
            }
            return found.get(found.size() - 1);
        }
    }

    /** Streams held in a map; likes limited to {@code likeLimit} per user. */
    static final class Streams implements LivestreamService {
        final Map<StreamId, Livestream> byId = new HashMap<>();
        final List<StreamId> abandoned = new ArrayList<>();
        final Map<String, Integer> likesByUser = new HashMap<>();
        int likeLimit = Integer.MAX_VALUE;
        long viewersNow;
        /** What was read, as the database would see it: single streams, and batches of ids. */
        int singleReads;
        final List<Collection<StreamId>> batchReads = new ArrayList<>();

        Livestream add(String owner, boolean live) {
            Livestream s = Livestream.schedule(owner, "Town hall", null, false, null, NOW);
            if (live) {
                s.start(NOW);
            }
            byId.put(s.getId(), s);
            return s;
        }

        @Override
        public StreamSnapshot find(StreamId streamId) {
            singleReads++;
            Livestream s = byId.get(streamId);
            if (s == null) {
                throw StreamNotFoundException.stream(streamId);
            }
            return new StreamSnapshot(s, viewersNow);
        }

        @Override
        public List<StreamSnapshot> findAll(Collection<StreamId> streamIds) {
            batchReads.add(List.copyOf(streamIds));
            return streamIds.stream().filter(byId::containsKey)
                    .map(id -> new StreamSnapshot(byId.get(id), viewersNow)).toList();
        }

        @Override
        public boolean endAbandoned(StreamId streamId) {
            Livestream s = find(streamId).stream();
            abandoned.add(streamId);
            s.end(NOW, null);
            return true;
        }

        @Override
        public void end(StreamId streamId, String callerId, String recordingUrl) {
            Livestream s = find(streamId).stream();
            s.requireOwner(callerId);
            s.end(NOW, recordingUrl);
        }

        @Override
        public long like(StreamId streamId, String userId) {
            Livestream s = find(streamId).stream();
            s.requireLive("like");
            if (likesByUser.merge(userId, 1, Integer::sum) > likeLimit) {
                throw new RateLimitedException("Too many likes.");
            }
            return s.like();
        }

        @Override
        public CreatedStream create(String ownerId, NewStream request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start(StreamId streamId, String callerId) {
            find(streamId).stream().start(NOW);
        }

        @Override
        public void attachRecording(StreamId streamId, String url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordingFailed(StreamId streamId) {
        }

        @Override
        public void changeThumbnail(StreamId streamId, String url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<StreamId> idByKey(String streamKey) {
            return java.util.Optional.empty();
        }

        @Override
        public List<StreamId> liveStreamIds() {
            return List.of();
        }

        @Override
        public List<StreamSnapshot> live(String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public List<StreamSnapshot> upcoming(String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public List<StreamSnapshot> recordings(String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public List<StreamSnapshot> byOwner(String ownerId, PageRequest page) {
            return List.of();
        }

        @Override
        public StreamStats stats(StreamId streamId) {
            throw new UnsupportedOperationException();
        }
    }

    /** STUN for anyone; TURN credentials (named after whom they are for) only on request. */
    static final class Ice implements IceServerProvider {
        static final IceServer STUN = IceServer.stun(List.of("stun:test"));

        @Override
        public List<IceServer> iceServersFor(String peerId) {
            return List.of(STUN, new IceServer(List.of("turn:test"), "turn-user-" + peerId, "secret"));
        }

        @Override
        public List<IceServer> publicServers() {
            return List.of(STUN);
        }
    }

    /** Viewing sessions as a set of open ids. */
    static final class Viewers implements ViewerService {
        final Set<String> open = new HashSet<>();
        final List<String> left = new ArrayList<>();

        @Override
        public ViewerAdmission join(StreamId streamId, String userIdOrNull) {
            String id = UUID.randomUUID().toString();
            open.add(id);
            return new ViewerAdmission(id, new Ice().iceServersFor(id), new RoomStats(open.size(), open.size(), 0));
        }

        /** Set to hold joins as a database write in progress would; completing it lets them through. */
        CompletableFuture<Void> commit;

        @Override
        public CompletionStage<ViewerAdmission> joinAsync(StreamId streamId, String userIdOrNull) {
            return commit == null ? CompletableFuture.completedFuture(join(streamId, userIdOrNull))
                    : commit.thenApply(done -> join(streamId, userIdOrNull));
        }

        @Override
        public void leave(StreamId streamId, String viewerId) {
            open.remove(viewerId);
            left.add(viewerId);
        }

        @Override
        public CompletionStage<Void> leaveAsync(StreamId streamId, String viewerId) {
            leave(streamId, viewerId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public ViewerAdmission adopt(StreamId streamId, String viewerId) {
            if (!open.contains(viewerId)) {
                throw StreamNotFoundException.stream(StreamId.of(viewerId));
            }
            return new ViewerAdmission(viewerId, List.of(), null);
        }

        @Override
        public int closeAllOpenSessions() {
            int n = open.size();
            open.clear();
            return n;
        }
    }

    static final class Chat implements ChatService {
        final List<String> posted = new ArrayList<>();

        @Override
        public ChatMessage post(StreamId streamId, ChatAuthor author, String text) {
            if (!author.signedIn()) {
                throw new SignInRequiredException("Sign in to chat on this stream."); // the default settings
            }
            posted.add(author.userId() + ": " + text);
            return null;
        }

        @Override
        public List<ChatMessage> history(StreamId streamId, PageRequest page) {
            return List.of();
        }
    }

    /** Timers that fire only when the test says so. */
    static final class ManualGraceTimers implements GraceTimers {
        final Map<StreamId, Runnable> running = new HashMap<>();
        Duration lastGrace;

        @Override
        public void start(StreamId streamId, Duration grace, Runnable onExpiry) {
            lastGrace = grace;
            running.put(streamId, onExpiry);
        }

        @Override
        public boolean cancel(StreamId streamId) {
            return running.remove(streamId) != null;
        }

        @Override
        public void expired(StreamId streamId) {
            running.remove(streamId);
        }

        void fire(StreamId streamId) {
            Runnable r = running.get(streamId);
            if (r == null) {
                throw new AssertionError("No grace timer running for " + streamId);
            }
            r.run();
        }
    }

    static final class CountingMetrics extends SignalingMetrics {
        int relayed;

        @Override
        public void relayed() {
            relayed++;
        }
    }

    static Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
