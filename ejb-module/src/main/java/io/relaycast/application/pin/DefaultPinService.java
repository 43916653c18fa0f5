package io.relaycast.application.pin;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.events.PinChanged;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.pin.PinRepository;
import io.relaycast.domain.model.pin.PinnedItem;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

@Stateless
public class DefaultPinService implements PinService {

    @Inject
    LivestreamRepository streams;

    @Inject
    PinRepository pins;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @Override
    public PinnedItem pin(StreamId streamId, String title, String url, String description, String imageUrl,
                          String price, String ownerId) {
        Livestream stream = streams.getForUpdate(streamId); // counted one at a time
        stream.requireOwner(ownerId);
        PinnedItem pin = PinnedItem.of(streamId, title, url, description, imageUrl, price, clock.instant());
        if (pins.list(streamId).size() >= PinnedItem.MAX_PINS) {
            throw new InvalidInputException("A stream has at most " + PinnedItem.MAX_PINS + " pins.");
        }
        pins.add(pin);
        events.fire(new PinChanged(streamId, pin.getId(), pin));
        return pin;
    }

    @Override
    public List<PinnedItem> pins(StreamId streamId) {
        streams.get(streamId);
        return pins.list(streamId);
    }

    @Override
    public void unpin(StreamId streamId, String pinId, String ownerId) {
        streams.get(streamId).requireOwner(ownerId);
        PinnedItem pin = pins.find(pinId).filter(p -> p.getStreamId().equals(streamId))
                .orElseThrow(() -> new StreamNotFoundException("No pin '" + pinId + "' on livestream '" + streamId + "'."));
        pins.remove(pin);
        events.fire(new PinChanged(streamId, pinId, null));
    }
}
