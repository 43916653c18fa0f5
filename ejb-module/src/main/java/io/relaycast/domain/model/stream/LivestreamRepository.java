package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

public interface LivestreamRepository {

    void add(Livestream stream);

    Optional<Livestream> find(StreamId streamId);

    /** The stream, or {@link StreamNotFoundException} (404) when there is none. */
    default Livestream get(StreamId streamId) {
        return find(streamId).orElseThrow(() -> StreamNotFoundException.stream(streamId));
    }

    /** Finds and row-locks the stream until the transaction ends, so that joins count peaks one at a time. */
    Optional<Livestream> findForUpdate(StreamId streamId);

    /**
     * {@link #findForUpdate} for several streams in one statement: those that exist, locked in id
     * order (every locker of several rows takes them in that order, so two cannot deadlock).
     */
    default List<Livestream> findForUpdate(Collection<StreamId> streamIds) {
        return new TreeSet<>(streamIds).stream().map(this::findForUpdate).flatMap(Optional::stream).toList();
    }

    /** {@link #findForUpdate}, or {@link StreamNotFoundException} (404). */
    default Livestream getForUpdate(StreamId streamId) {
        return findForUpdate(streamId).orElseThrow(() -> StreamNotFoundException.stream(streamId));
    }

    /** The streams among these ids that exist, in no particular order. */
    default List<Livestream> findByIds(Collection<StreamId> streamIds) {
        return streamIds.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The stream this secret key belongs to (RTMP encoders name a stream by its key alone). */
    Optional<StreamId> findIdByStreamKey(String streamKey);

    /** Streams in this state, most recently started first; with {@code tag} (null: any) only those tagged so. */
    List<Livestream> findByStatus(StreamStatus status, String tag, PageRequest page);

    List<StreamId> findIdsByStatus(StreamStatus status);

    /** Scheduled streams with a planned time, soonest first (with {@code tag}: only those tagged so). */
    List<Livestream> findUpcoming(String tag, PageRequest page);

    /** Ended streams that have a recording, most recent first (with {@code tag}: only those tagged so). */
    List<Livestream> findRecordings(String tag, PageRequest page);

    /** An owner's streams but the cancelled ones, newest first. */
    List<Livestream> findByOwner(String userId, PageRequest page);

    /** How many of the owner's streams are in this state (scheduled ones are capped per owner). */
    long countByOwner(String userId, StreamStatus status);
}
