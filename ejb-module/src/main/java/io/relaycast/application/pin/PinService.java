package io.relaycast.application.pin;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.pin.PinnedItem;
import java.util.List;

/** Links and products the owner pins to a stream's watch page ({@code pin:added} / {@code pin:removed}). */
public interface PinService {

    PinnedItem pin(StreamId streamId, String title, String url, String description, String imageUrl, String price,
                   String ownerId);

    List<PinnedItem> pins(StreamId streamId);

    void unpin(StreamId streamId, String pinId, String ownerId);
}
