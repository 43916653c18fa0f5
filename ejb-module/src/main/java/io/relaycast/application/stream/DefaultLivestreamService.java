package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.chat.ChatPolicy;
import io.relaycast.application.limits.UserActionLimits;
import io.relaycast.application.recording.RecordingUrlPolicy;
import io.relaycast.application.delivery.DeliveryPolicy;
import io.relaycast.domain.model.shared.LimitReachedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.relaycast.domain.model.chat.ChatRepository;
import io.relaycast.domain.model.stream.ActivityRepository;
import io.relaycast.domain.model.stream.LikeRecord;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.stream.StreamTagRepository;
import io.relaycast.domain.model.stream.Tags;
import io.relaycast.domain.model.viewer.ViewerRepository;
import io.relaycast.domain.model.viewer.WatchStatistics;
import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.RecordingFailed;
import io.relaycast.application.events.RecordingReady;
import io.relaycast.application.events.StreamEnded;
import io.relaycast.application.events.StreamStarted;
import io.relaycast.application.access.StreamAccessService;
import io.relaycast.domain.model.access.Visibility;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.logging.Logger;

@Stateless
public class DefaultLivestreamService implements LivestreamService {

    private static final Logger LOG = Logger.getLogger(DefaultLivestreamService.class.getName());

    @Inject
    LivestreamRepository streams;

    @Inject
    ViewerRepository viewers;

    @Inject
    ChatRepository chat;

    @Inject
    Clock clock;

    @Inject
    RecordingUrlPolicy recordingUrls;

    @Inject
    DeliveryPolicy delivery;

    @Inject
    Event<Object> events;

    @Inject
    UserActionLimits limits;

    @Inject
    ChatPolicy policy;

    @Inject
    @ConfigProperty(name = "streams.max-scheduled-per-user", defaultValue = "25")
    int maxScheduled;

    @Inject
    StreamAccessService access;

    /** Who may watch a stream created without a visibility (VISIBILITY_DEFAULT). */
    @Inject
    @ConfigProperty(name = "visibility.default", defaultValue = "public")
    String visibilityDefault;

    @Inject
    ActivityRepository activity;

    @Inject
    StreamTagRepository tags;

    @Override
    public CreatedStream create(String ownerId, NewStream request) {
        limits.create(ownerId);
        if (streams.countByOwner(ownerId, StreamStatus.SCHEDULED) >= maxScheduled) {
            throw new LimitReachedException("You have " + maxScheduled + " scheduled streams; start, end or delete "
                    + "one before scheduling another (streams.max-scheduled-per-user).");
        }
        Livestream stream = Livestream.schedule(ownerId, request.title(), request.description(),
                request.recordingEnabled(), request.scheduledAt(), clock.instant());
        stream.deliverBy(delivery.choose(request.delivery()), delivery.relayFanout(request.relayFanout()));
        if (request.maxViewers() != null) {
            stream.limitViewers(request.maxViewers());
        }
        streams.add(stream);
        tags.replace(stream.getId(), Tags.of(request.tags()));
        // in the same transaction: a stream asked to be restricted is never, even briefly, public
        access.set(stream.getId(), Visibility.fromWire(request.visibility() == null ? visibilityDefault : request.visibility()),
                request.allowedUsers(), request.allowedGroups());
        LOG.info(() -> "Created " + stream);
        return new CreatedStream(stream.getId(), stream.getStreamKey());
    }

    @Override
    public void start(StreamId streamId, String callerId) {
        Livestream stream = lock(streamId);
        stream.requireOwner(callerId);
        stream.start(clock.instant());
        events.fire(new StreamStarted(streamId));
        LOG.info(() -> "Started " + stream);
    }

    @Override
    public void end(StreamId streamId, String callerId, String recordingUrl) {
        Livestream stream = lock(streamId);
        stream.requireOwner(callerId);
        recordingUrls.check(recordingUrl);
        finish(stream, recordingUrl);
    }

    @Override
    public boolean endAbandoned(StreamId streamId) {
        Livestream stream = lock(streamId);
        if (stream.getStatus() != StreamStatus.LIVE) {
            return false;
        }
        finish(stream, null);
        return true;
    }

    private void finish(Livestream stream, String recordingUrl) {
        Instant now = clock.instant();
        stream.end(now, recordingUrl);
        int closed = viewers.closeOpen(stream.getId(), now);
        events.fire(new StreamEnded(stream.getId(), now, stream.getRecordingUrl()));
        LOG.info(() -> "Ended " + stream + ", closed " + closed + " open viewer sessions");
    }

    @Override
    public void attachRecording(StreamId streamId, String url) {
        lock(streamId).attachRecording(url);
        events.fire(new RecordingReady(streamId, url));
    }

    @Override
    public void recordingFailed(StreamId streamId) {
        if (lock(streamId).recordingFailed()) {
            events.fire(new RecordingFailed(streamId)); // once, on the transition
        }
    }

    @Override
    public void changeThumbnail(StreamId streamId, String url) {
        lock(streamId).changeThumbnail(url);
    }

    @Override
    public Optional<StreamId> idByKey(String streamKey) {
        return streamKey == null || streamKey.isBlank() ? Optional.empty() : streams.findIdByStreamKey(streamKey);
    }

    @Override
    public List<StreamId> liveStreamIds() {
        return streams.findIdsByStatus(StreamStatus.LIVE);
    }

    @Override
    public StreamSnapshot find(StreamId streamId) {
        Livestream stream = streams.get(streamId);
        return new StreamSnapshot(stream, viewers.countOpen(streamId), tags.of(List.of(streamId)).getOrDefault(streamId, List.of()));
    }

    @Override
    public List<StreamSnapshot> findAll(Collection<StreamId> streamIds) {
        return withViewerCounts(streams.findByIds(streamIds));
    }

    @Override
    public List<StreamSnapshot> live(String tag, PageRequest page) {
        return withViewerCounts(streams.findByStatus(StreamStatus.LIVE, tag, page));
    }

    @Override
    public List<StreamSnapshot> upcoming(String tag, PageRequest page) {
        return withViewerCounts(streams.findUpcoming(tag, page));
    }

    @Override
    public List<StreamSnapshot> recordings(String tag, PageRequest page) {
        return withViewerCounts(streams.findRecordings(tag, page));
    }

    @Override
    public List<StreamSnapshot> byOwner(String ownerId, PageRequest page) {
        return withViewerCounts(streams.findByOwner(ownerId, page));
    }

    @Override
    public long like(StreamId streamId, String userId) {
        Livestream stream = lock(streamId);
        policy.requireNotBanned(streamId, userId);
        if (!stream.isOwnedBy(userId)) {
            limits.like(userId);
        }
        long likes = stream.like();
        activity.addLike(new LikeRecord(streamId, userId, clock.instant()));
        events.fire(new AudienceChanged(streamId));
        return likes;
    }

    @Override
    public StreamStats stats(StreamId streamId) {
        Livestream s = streams.get(streamId);
        Instant now = clock.instant();
        return new StreamStats(s.getId(), s.getStatus(), s.getViewerCountPeak(), viewers.countOpen(streamId),
                viewers.countAll(streamId), s.getLikeCount(), chat.count(streamId), s.airTime(now).toSeconds(),
                WatchStatistics.averageWatchTime(viewers.watchIntervals(streamId), now).toSeconds());
    }

    private Livestream lock(StreamId streamId) {
        return streams.getForUpdate(streamId);
    }

    /** Listings with their viewer counts and tags: two more statements per page, not two per stream. */
    private List<StreamSnapshot> withViewerCounts(List<Livestream> list) {
        List<StreamId> ids = list.stream().map(Livestream::getId).toList();
        Map<StreamId, Long> counts = viewers.countOpen(ids);
        Map<StreamId, List<String>> tagged = tags.of(ids);
        return list.stream().map(s -> new StreamSnapshot(s, counts.getOrDefault(s.getId(), 0L),
                tagged.getOrDefault(s.getId(), List.of()))).toList();
    }
}
