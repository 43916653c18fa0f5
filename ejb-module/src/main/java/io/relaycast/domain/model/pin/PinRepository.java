package io.relaycast.domain.model.pin;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Optional;

public interface PinRepository {

    void add(PinnedItem pin);

    Optional<PinnedItem> find(String pinId);

    List<PinnedItem> list(StreamId streamId);

    void remove(PinnedItem pin);
}
