package io.relaycast.application.caption;

import io.relaycast.application.access.Actor;
import io.relaycast.application.events.CaptionPosted;
import io.relaycast.domain.model.caption.CaptionLine;
import io.relaycast.domain.model.caption.CaptionRepository;
import io.relaycast.domain.model.caption.Captioners;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Captions of a live stream. Interim text (a line still being written) only reaches viewers; a
 * final line is kept with its time from the start, for the recording's WebVTT.
 */
@Stateless
public class CaptionService {

    @Inject
    LivestreamRepository streams;

    @Inject
    CaptionRepository captions;

    @Inject
    Clock clock;

    @Inject
    Event<CaptionPosted> posted;

    public void caption(StreamId streamId, Actor by, String text, boolean finalLine) {
        Livestream s = streams.get(streamId);
        if (!mayCaption(s, by)) {
            throw new ActionForbiddenException("Only the stream's owner, moderators, admins and its captioners write captions.");
        }
        post(s, by.userId(), text, finalLine);
    }

    /** From a {@link Captioner} (speech recognition), not a person. */
    public void machine(StreamId streamId, String text, boolean finalLine) {
        post(streams.get(streamId), "speech-recognition", text, finalLine);
    }

    private void post(Livestream s, String author, String text, boolean finalLine) {
        s.requireLive("write captions");
        String clean = CaptionLine.text(text);
        Instant now = clock.instant();
        if (finalLine) {
            captions.add(new CaptionLine(s.getId(), Duration.between(s.getStartedAt(), now).toMillis(), clean, author));
        }
        posted.fire(new CaptionPosted(s.getId(), clean, finalLine, now));
    }

    public List<CaptionLine> lines(StreamId streamId) {
        streams.get(streamId);
        return captions.ofStream(streamId);
    }

    public Set<String> captioners(StreamId streamId, Actor by) {
        owner(streamId, by);
        return captions.captioners(streamId);
    }

    public Set<String> setCaptioners(StreamId streamId, Actor by, List<String> users) {
        owner(streamId, by);
        if (users == null || users.size() > Captioners.MAX || users.stream().anyMatch(u -> u == null
                || !u.matches("[A-Za-z0-9._@-]{1,128}"))) {
            throw new InvalidInputException("users lists at most " + Captioners.MAX + " user names.");
        }
        captions.setCaptioners(streamId, new TreeSet<>(users));
        return new TreeSet<>(users);
    }

    private void owner(StreamId streamId, Actor by) {
        Livestream s = streams.get(streamId);
        if (!by.managerOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner or an admin names its captioners.");
        }
    }

    private boolean mayCaption(Livestream s, Actor by) {
        return s.isOwnedBy(by.userId()) || by.moderator() || captions.captioners(s.getId()).contains(by.userId());
    }
}
