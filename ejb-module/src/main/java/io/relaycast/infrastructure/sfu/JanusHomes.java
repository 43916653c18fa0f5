package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where each stream is placed: its home, the Janus instance its broadcaster publishes to. A new
 * stream goes to the least-loaded instance that answers; a stream another server of a cluster placed
 * is found by asking the instances (all servers use the same {@code JANUS_URLS}). The streams of a
 * lost instance are orphans until an instance can take them again.
 */
@ApplicationScoped
public class JanusHomes {

    @Inject
    JanusInstances instances;

    private final Map<StreamId, JanusVideoRoom> homes = new ConcurrentHashMap<>();
    private final Set<StreamId> orphans = ConcurrentHashMap.newKeySet();
    private final Map<StreamId, CompletableFuture<JanusVideoRoom>> finding = new ConcurrentHashMap<>();

    /** Where the stream's broadcaster publishes: its home if it has one that answers, else the least-loaded instance. */
    CompletionStage<JanusVideoRoom> place(StreamId room) {
        return of(room).exceptionallyCompose(e -> {
            Optional<JanusVideoRoom> least = instances.leastLoaded();
            if (least.isEmpty()) {
                return CompletableFuture.failedFuture(new SfuException("The SFU is not reachable right now."));
            }
            JanusVideoRoom home = homes.merge(room, least.get(), (old, mine) -> old.janus.reachable() ? old : mine);
            return CompletableFuture.completedFuture(home);
        });
    }

    /** The stream's home: known, or found on the instances (placed by another server); fails when it has none. */
    CompletionStage<JanusVideoRoom> of(StreamId room) {
        JanusVideoRoom known = homes.get(room);
        if (known != null && known.janus.reachable()) {
            return CompletableFuture.completedFuture(known);
        }
        // one lookup at a time per stream (a join storm on a node that did not place it asks once)
        CompletableFuture<JanusVideoRoom> mine = new CompletableFuture<>();
        CompletableFuture<JanusVideoRoom> running = finding.putIfAbsent(room, mine);
        if (running != null) {
            return running;
        }
        find(room, instances.reachable(), 0).whenComplete((found, e) -> {
            finding.remove(room, mine);
            if (e != null) {
                mine.completeExceptionally(e);
            } else {
                homes.put(room, found);
                mine.complete(found);
            }
        });
        return mine;
    }

    private CompletionStage<JanusVideoRoom> find(StreamId room, List<JanusVideoRoom> candidates, int i) {
        if (i >= candidates.size()) {
            return CompletableFuture.failedFuture(new SfuException("No SFU room for this stream yet."));
        }
        JanusVideoRoom v = candidates.get(i);
        return v.rooms.held(room, JanusVideoRoom.cascadeOf(room)).thenCompose(held -> held == JanusRooms.Held.STREAM
                ? CompletableFuture.completedFuture(v) : find(room, candidates, i + 1));
    }

    /** A subscription on the home failed: unless the stream is published from here, its home is looked up again next time. */
    void failed(StreamId room, JanusVideoRoom home, Throwable error) {
        if (error != null && !home.publishes(room)) {
            homes.remove(room, home);
        }
    }

    /**
     * The instance was lost: the streams placed there. Those published into it from this server are
     * orphans (their broadcasters, held here, publish again); another server's broadcaster does so
     * on that server's word, and this one subscribes its viewers when it announces the publication.
     */
    Set<StreamId> lost(JanusVideoRoom instance, Set<StreamId> publishedThere) {
        Set<StreamId> rooms = homes.entrySet().stream().filter(e -> e.getValue() == instance).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        rooms.addAll(publishedThere);
        rooms.forEach(room -> homes.remove(room, instance));
        orphans.addAll(publishedThere);
        return rooms;
    }

    /** The orphans, taken, once some instance answers (their broadcasters then publish again); empty until then. */
    Optional<Set<StreamId>> orphansAdoptable() {
        if (orphans.isEmpty() || instances.reachable().isEmpty()) {
            return Optional.empty();
        }
        Set<StreamId> taken = Set.copyOf(orphans);
        orphans.removeAll(taken);
        return Optional.of(taken);
    }

    void forget(StreamId room) {
        homes.remove(room);
        orphans.remove(room);
    }
}
