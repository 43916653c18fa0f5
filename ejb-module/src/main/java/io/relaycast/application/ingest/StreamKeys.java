package io.relaycast.application.ingest;

import io.relaycast.application.access.Actor;
import io.relaycast.application.events.StreamKeyChanged;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The stream key, the secret every publisher (console, WHIP, RTMP) proves its right with: its
 * owner or an admin replaces it when it leaked or an encoder changes hands. A publication already
 * running keeps going; the next connect needs the new key (on other servers of a cluster within
 * their stream cache's two seconds).
 */
@Stateless
public class StreamKeys {

    @Inject
    LivestreamRepository streams;

    @Inject
    Event<StreamKeyChanged> changed;

    /** The stream's key and delivery, for its owner or an admin setting up an encoder. */
    public Livestream forPublisher(StreamId streamId, Actor actor) {
        return requireOwnerOrAdmin(streams.get(streamId), actor);
    }

    /** The new key (for the caller to show its owner). */
    public String rotate(StreamId streamId, Actor actor) {
        Livestream stream = requireOwnerOrAdmin(streams.getForUpdate(streamId), actor);
        stream.rotateKey();
        changed.fire(new StreamKeyChanged(streamId));
        return stream.getStreamKey();
    }

    private static Livestream requireOwnerOrAdmin(Livestream stream, Actor actor) {
        if (!actor.managerOf(stream)) {
            throw new ActionForbiddenException("Only the stream's owner or an admin may see or change its key.");
        }
        return stream;
    }
}
