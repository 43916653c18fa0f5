package io.relaycast.application;

import io.relaycast.domain.model.PageRequest;
import java.util.Collection;
import java.util.List;

/** Creating, running and reading livestreams. Caller ids are authenticated principal names. */
public interface LivestreamService {

    CreatedStream create(String ownerId, NewStream request);

    void start(String streamId, String callerId);

    void end(String streamId, String callerId, String recordingUrl);

    /**
     * Ends a live stream whose broadcaster did not come back (no owner check; used by the signaling
     * grace timer). Returns false when the stream was not live any more.
     */
    boolean endAbandoned(String streamId);

    /** Publishes the finished recording's URL on an ended stream (unless one was given at the end). */
    void attachRecording(String streamId, String url);

    /** Sets the thumbnail URL shown in listings. */
    void changeThumbnail(String streamId, String url);

    /** Ids of every live stream. */
    List<String> liveStreamIds();

    StreamSnapshot find(String streamId);

    /** {@link #find} for many streams in one transaction; unknown ids are left out. */
    List<StreamSnapshot> findAll(Collection<String> streamIds);

    /** Live streams, most recently started first. */
    List<StreamSnapshot> live(PageRequest page);

    /** Scheduled streams with a planned time, soonest first. */
    List<StreamSnapshot> upcoming(PageRequest page);

    /** Ended streams with a recording, most recent first. */
    List<StreamSnapshot> recordings(PageRequest page);

    /** A broadcaster's streams, newest first. */
    List<StreamSnapshot> byOwner(String ownerId, PageRequest page);

    /** Adds a like to a live stream; returns the new total. */
    long like(String streamId, String userId);

    StreamStats stats(String streamId);
}
