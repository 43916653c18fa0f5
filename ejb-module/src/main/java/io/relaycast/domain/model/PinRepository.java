package io.relaycast.domain.model;

import java.util.List;
import java.util.Optional;

public interface PinRepository {

    void add(PinnedItem pin);

    Optional<PinnedItem> find(String pinId);

    List<PinnedItem> list(String streamId);

    void remove(PinnedItem pin);
}
