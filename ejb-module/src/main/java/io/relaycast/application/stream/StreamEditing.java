package io.relaycast.application.stream;

import io.relaycast.application.access.Actor;
import io.relaycast.application.events.StreamCancelled;
import io.relaycast.application.events.StreamUpdated;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StartReminderRepository;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamRevision;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.stream.StreamTagRepository;
import io.relaycast.domain.model.stream.Tags;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/** Editing and cancelling a stream, by its owner or an admin. */
@Stateless
public class StreamEditing {

    private static final Logger LOG = Logger.getLogger(StreamEditing.class.getName());

    @Inject
    LivestreamRepository streams;

    @Inject
    StreamTagRepository tags;

    @Inject
    StartReminderRepository reminders;

    @Inject
    Event<Object> events;

    /**
     * Applies the revision and returns the names of the parts that changed (none: nothing is fired).
     * A new start time re-arms the starting-soon reminder.
     */
    public Set<String> revise(StreamId streamId, Actor by, StreamRevision revision) {
        if (revision.isEmpty()) {
            throw new InvalidInputException("Nothing to change: give title, description, scheduledAt, tags, "
                    + "recordingEnabled or maxViewers.");
        }
        Livestream s = managed(streamId, by);
        List<String> newTags = revision.tags() == null ? null : Tags.of(revision.tags());
        Object[] before = parts(s);
        s.revise(revision);
        Object[] after = parts(s);
        Set<String> changed = new LinkedHashSet<>();
        String[] names = {"title", "description", "scheduledAt", "recordingEnabled", "maxViewers"};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(before[i], after[i])) {
                changed.add(names[i]);
            }
        }
        if (newTags != null && !newTags.equals(tags.of(List.of(streamId)).getOrDefault(streamId, List.of()))) {
            tags.replace(streamId, newTags);
            changed.add("tags");
        }
        if (changed.contains("scheduledAt")) {
            reminders.release(streamId);
        }
        if (!changed.isEmpty()) {
            events.fire(new StreamUpdated(streamId, List.copyOf(changed)));
            LOG.info(() -> "Revised " + s + ": " + changed);
        }
        return changed;
    }

    /** Cancels a scheduled stream; false when it was cancelled already (nothing is fired again). */
    public boolean cancel(StreamId streamId, Actor by) {
        Livestream s = managed(streamId, by);
        if (s.getStatus() == StreamStatus.CANCELLED) {
            return false;
        }
        s.cancel();
        events.fire(new StreamCancelled(streamId));
        LOG.info(() -> "Cancelled " + s);
        return true;
    }

    private Livestream managed(StreamId streamId, Actor by) {
        Livestream s = streams.getForUpdate(streamId);
        if (!by.managerOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner or an admin may change or cancel it.");
        }
        return s;
    }

    private static Object[] parts(Livestream s) {
        return new Object[] {s.getTitle(), s.getDescription(), s.getScheduledAt(), s.isRecordingEnabled(),
                s.getMaxViewers()};
    }
}
