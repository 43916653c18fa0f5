package io.relaycast.application.chat;

import io.relaycast.domain.model.chat.ChatRepository;
import io.relaycast.domain.model.shared.RateLimitedException;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slow mode: one chat line per author every N seconds, as the stream's chat settings say. The time
 * of the author's last stored line is the clock, so the rule holds across reconnects and servers.
 * {@link ChatPolicy} exempts the owner and moderators before asking.
 */
@ApplicationScoped
public class SlowMode {

    @Inject
    ChatRepository chat;

    @Inject
    Clock clock;

    /** Refused with the seconds to wait when the author's last line is younger than {@code seconds}. */
    void require(StreamId streamId, String userId, int seconds) {
        if (seconds <= 0) {
            return;
        }
        Instant last = chat.lastPostAt(streamId, userId);
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plusSeconds(seconds))) {
            long wait = Math.max(1, Duration.between(now, last.plusSeconds(seconds)).toSeconds() + 1);
            throw new RateLimitedException("Slow mode: one message every " + seconds + " s.", wait);
        }
    }
}
