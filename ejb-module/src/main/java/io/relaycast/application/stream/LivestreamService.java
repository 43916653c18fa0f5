package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Creating, running and reading livestreams. Caller ids are authenticated principal names. */
public interface LivestreamService {

    CreatedStream create(String ownerId, NewStream request);

    void start(StreamId streamId, String callerId);

    void end(StreamId streamId, String callerId, String recordingUrl);

    /**
     * Ends a live stream whose broadcaster did not come back (no owner check; used by the signaling
     * grace timer). Returns false when the stream was not live any more.
     */
    boolean endAbandoned(StreamId streamId);

    /** Publishes the finished recording's URL on an ended stream (unless one was given at the end). */
    void attachRecording(StreamId streamId, String url);

    /** The recording could not be built (nothing usable was recorded, or a tool failed): said, not silent. */
    void recordingFailed(StreamId streamId);

    /** Sets the thumbnail URL shown in listings. */
    void changeThumbnail(StreamId streamId, String url);

    /** The stream a secret key belongs to (an RTMP encoder names it by its key alone). */
    Optional<StreamId> idByKey(String streamKey);

    /** Ids of every live stream. */
    List<StreamId> liveStreamIds();

    StreamSnapshot find(StreamId streamId);

    /** {@link #find} for many streams in one transaction; unknown ids are left out. */
    List<StreamSnapshot> findAll(Collection<StreamId> streamIds);

    /** Live streams, most recently started first; with {@code tag} (null: any) only those tagged so. */
    List<StreamSnapshot> live(String tag, PageRequest page);

    /** Scheduled streams with a planned time, soonest first (with {@code tag}: only those tagged so). */
    List<StreamSnapshot> upcoming(String tag, PageRequest page);

    /** Ended streams with a recording, most recent first (with {@code tag}: only those tagged so). */
    List<StreamSnapshot> recordings(String tag, PageRequest page);

    /** A broadcaster's streams but the cancelled ones, newest first. */
    List<StreamSnapshot> byOwner(String ownerId, PageRequest page);

    /** Adds a like to a live stream; returns the new total. */
    long like(StreamId streamId, String userId);

    StreamStats stats(StreamId streamId);
}
