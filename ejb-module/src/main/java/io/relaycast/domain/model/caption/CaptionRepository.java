package io.relaycast.domain.model.caption;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Set;

public interface CaptionRepository {

    void add(CaptionLine line);

    /** The stream's final lines in time order. */
    List<CaptionLine> ofStream(StreamId streamId);

    /** Who the owner made captioners of this stream (besides the owner, moderators and admins). */
    Set<String> captioners(StreamId streamId);

    void setCaptioners(StreamId streamId, Set<String> users);
}
