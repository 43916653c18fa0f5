package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Collection;
import java.util.List;

/** Stream ids as the database columns hold them: typed inside, strings at the JPA edge. */
final class StreamIds {

    private StreamIds() {
    }

    static List<String> values(Collection<StreamId> ids) {
        return ids.stream().map(StreamId::value).toList();
    }
}
