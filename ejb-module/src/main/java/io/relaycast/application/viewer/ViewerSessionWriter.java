package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.PeakReached;
import io.relaycast.application.viewer.GroupCommit.Outcome;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamFullException;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.application.access.StaffRoles;
import io.relaycast.domain.model.viewer.ViewerRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes viewing-session changes, a batch per transaction (see {@link GroupCommit}). */
@Stateless
public class ViewerSessionWriter {

    /** Streams locked and counted per statement (bounded IN lists). */
    static final int MAX_LOCK = 500;

    @Inject
    LivestreamRepository streams;

    @Inject
    ViewerRepository viewers;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @Inject
    StaffRoles staff;

    /** A stream of the batch: row-locked, with its open sessions counted as the changes go. */
    private static final class Locked {
        final Livestream stream;
        long open;
        boolean changed;

        final int peakBefore;

        Locked(Livestream stream, long open) {
            this.stream = stream;
            this.open = open;
            this.peakBefore = stream.getViewerCountPeak();
        }
    }

    /**
     * Applies the changes in order. Each stream's row is locked (in id order, so two writers cannot
     * deadlock) and its open sessions counted once; the count then follows every join and leave, so
     * the peak is the true maximum even within one batch. A broken rule fails only its own change.
     */
    public List<Outcome<Object>> apply(List<ViewerChange> changes) {
        Instant now = clock.instant();
        Map<StreamId, Locked> locked = lockAndCount(new TreeSet<>(changes.stream().map(ViewerChange::streamId).toList()));
        List<Outcome<Object>> outcomes = new ArrayList<>(changes.size());
        for (ViewerChange change : changes) {
            try {
                Locked room = locked.get(change.streamId());
                if (room == null) {
                    throw StreamNotFoundException.stream(change.streamId());
                }
                outcomes.add(Outcome.of(change instanceof ViewerChange.Join join ? join(room, join, now)
                        : leave(room, (ViewerChange.Leave) change, now)));
            } catch (DomainException e) {
                outcomes.add(Outcome.failed(e));
            }
        }
        locked.forEach((id, room) -> {
            if (room.changed) {
                events.fire(new AudienceChanged(id));
            }
            if (room.stream.getViewerCountPeak() > room.peakBefore) {
                events.fire(new PeakReached(id, room.stream.getViewerCountPeak()));
            }
        });
        return outcomes;
    }

    /**
     * The batch's streams, row-locked and with their open sessions counted: two statements per
     * {@link #MAX_LOCK} streams, not two per stream (a join storm over many rooms, or PostgreSQL's
     * round trips). Chunks go in id order, so the locks are still taken in id order.
     */
    private Map<StreamId, Locked> lockAndCount(TreeSet<StreamId> ids) {
        Map<StreamId, Locked> locked = new HashMap<>();
        List<StreamId> sorted = List.copyOf(ids);
        for (int from = 0; from < sorted.size(); from += MAX_LOCK) {
            List<StreamId> chunk = sorted.subList(from, Math.min(sorted.size(), from + MAX_LOCK));
            List<Livestream> found = streams.findForUpdate(chunk);
            Map<StreamId, Long> open = viewers.countOpen(found.stream().map(Livestream::getId).toList());
            for (Livestream s : found) {
                locked.put(s.getId(), new Locked(s, open.getOrDefault(s.getId(), 0L)));
            }
        }
        return locked;
    }

    private ViewerChange.Opened join(Locked room, ViewerChange.Join join, Instant now) {
        // counted under the row lock: a full room stays full however many join at once
        if (room.stream.isFull(room.open) && !staff.actor(join.userIdOrNull()).staffOf(room.stream)) {
            throw new StreamFullException(room.stream.getMaxViewers());
        }
        LivestreamViewer viewer = LivestreamViewer.join(room.stream, join.userIdOrNull(), now);
        viewers.add(viewer);
        room.stream.observeConcurrentViewers(++room.open);
        room.changed = true;
        // The row is locked and counted: the joiner's figures need no second read
        return new ViewerChange.Opened(viewer.getId(),
                new RoomStats(room.open, room.stream.getViewerCountPeak(), room.stream.getLikeCount()));
    }

    private Boolean leave(Locked room, ViewerChange.Leave leave, Instant now) {
        LivestreamViewer viewer = find(leave.streamId(), leave.viewerId());
        if (!viewer.isOpen()) {
            return false;
        }
        viewer.leave(now);
        room.open--;
        room.changed = true;
        return true;
    }

    /** Checks that the session is open and hands it over (a REST-joined viewer's WebSocket). */
    public String adopt(StreamId streamId, String viewerId) {
        streams.get(streamId);
        LivestreamViewer viewer = find(streamId, viewerId);
        if (!viewer.isOpen()) {
            throw new StreamStateException("Viewer '" + viewerId + "' has already left; join again.", null);
        }
        return viewer.getId();
    }

    public int closeAllOpen() {
        return viewers.closeAllOpen(clock.instant());
    }

    private LivestreamViewer find(StreamId streamId, String viewerId) {
        return viewers.find(viewerId)
                .filter(v -> v.belongsTo(streamId))
                .orElseThrow(() -> new StreamNotFoundException(
                        "No viewer '" + viewerId + "' on livestream '" + streamId + "'."));
    }
}
