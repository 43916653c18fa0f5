package io.relaycast.application.schedule;

import io.relaycast.application.events.StartingSoon;
import io.relaycast.domain.model.stream.StartReminder;
import io.relaycast.domain.model.stream.StartReminderRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Sends a stream's "starting soon" once: the reminder is recorded and the event fired in one transaction. */
@Stateless
public class StartReminders {

    @Inject
    StartReminderRepository reminders;

    @Inject
    Event<StartingSoon> soon;

    @Inject
    Clock clock;

    public boolean remind(StreamId streamId, Instant scheduledAt) {
        if (!reminders.claim(new StartReminder(streamId, clock.instant()))) {
            return false;
        }
        soon.fire(new StartingSoon(streamId, scheduledAt));
        return true;
    }
}
