package io.relaycast.domain.model.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The tags of streams. */
public interface StreamTagRepository {

    /** Replaces a stream's tags with these (already checked by {@link Tags}). */
    void replace(StreamId streamId, List<String> tags);

    /** The tags of each of these streams that has any, in their order. */
    Map<StreamId, List<String>> of(Collection<StreamId> streamIds);
}
