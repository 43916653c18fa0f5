package io.relaycast.application;

import io.relaycast.domain.model.PinnedItem;
import java.util.List;

/** Links and products the owner pins to a stream's watch page ({@code pin:added} / {@code pin:removed}). */
public interface PinService {

    PinnedItem pin(String streamId, String title, String url, String description, String imageUrl, String price,
                   String ownerId);

    List<PinnedItem> pins(String streamId);

    void unpin(String streamId, String pinId, String ownerId);
}
