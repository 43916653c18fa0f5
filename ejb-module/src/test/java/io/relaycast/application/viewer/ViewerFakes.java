package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.PeakReached;
import io.relaycast.application.viewer.GroupCommit.Outcome;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.viewer.ViewerRepository;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** In-memory stream and viewer repositories for the viewing-session tests. */
final class ViewerFakes {

    static final Instant NOW = ViewerSessionWriterTest.NOW;

    private ViewerFakes() {
    }

    static final class Streams implements LivestreamRepository {
        final Map<StreamId, Livestream> byId = new HashMap<>();
        int lockStatements;
        final List<StreamId> lockedOrder = new ArrayList<>();

        Livestream scheduled() {
            Livestream s = Livestream.schedule("alice", "Town hall", null, false, null, NOW);
            byId.put(s.getId(), s);
            return s;
        }

        Livestream live() {
            Livestream s = scheduled();
            s.start(NOW);
            return s;
        }

        @Override
        public void add(Livestream stream) {
            byId.put(stream.getId(), stream);
        }

        @Override
        public Optional<Livestream> find(StreamId streamId) {
            return Optional.ofNullable(byId.get(streamId));
        }

        @Override
        public Optional<Livestream> findForUpdate(StreamId streamId) {
            return find(streamId);
        }

        @Override
        public List<Livestream> findForUpdate(Collection<StreamId> streamIds) {
            lockStatements++;
            lockedOrder.addAll(streamIds);
            return LivestreamRepository.super.findForUpdate(streamIds);
        }

        @Override
        public List<Livestream> findByStatus(StreamStatus status, String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public Optional<StreamId> findIdByStreamKey(String streamKey) {
            return Optional.empty();
        }

        @Override
        public List<StreamId> findIdsByStatus(StreamStatus status) {
            return List.of();
        }

        @Override
        public List<Livestream> findUpcoming(String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public List<Livestream> findRecordings(String tag, PageRequest page) {
            return List.of();
        }

        @Override
        public List<Livestream> findByOwner(String userId, PageRequest page) {
            return List.of();
        }

        @Override
        public long countByOwner(String userId, StreamStatus status) {
            return 0;
        }
    }

    static final class Viewers implements ViewerRepository {
        final Map<String, LivestreamViewer> byId = new HashMap<>();
        int countStatements;

        @Override
        public void add(LivestreamViewer viewer) {
            byId.put(viewer.getId(), viewer);
        }

        @Override
        public Optional<LivestreamViewer> find(String viewerId) {
            return Optional.ofNullable(byId.get(viewerId));
        }

        @Override
        public long countOpen(StreamId streamId) {
            return byId.values().stream().filter(v -> v.belongsTo(streamId) && v.isOpen()).count();
        }

        @Override
        public Map<StreamId, Long> countOpen(Collection<StreamId> streamIds) {
            countStatements++;
            Map<StreamId, Long> open = new HashMap<>();
            for (StreamId id : streamIds) {
                long n = countOpen(id);
                if (n > 0) {
                    open.put(id, n); // as the grouped query: streams with none are absent
                }
            }
            return open;
        }

        @Override
        public long countAll(StreamId streamId) {
            return byId.values().stream().filter(v -> v.belongsTo(streamId)).count();
        }

        @Override
        public int closeOpen(StreamId streamId, Instant now) {
            return 0;
        }

        @Override
        public int closeAllOpen(Instant now) {
            return 0;
        }

        @Override
        public List<WatchInterval> watchIntervals(StreamId streamId) {
            return List.of();
        }

        @Override
        public List<io.relaycast.domain.model.viewer.Attendance.Session> signedInSessions(StreamId streamId) {
            return List.of();
        }
    }
}
