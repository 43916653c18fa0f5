package io.relaycast.application.schedule;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.Livestream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at the upcoming streams every {@code REMINDERS_SCAN_SECONDS}: a stream planned to start
 * within {@code REMINDERS_MINUTES_BEFORE} minutes gets its "starting soon" (webhook
 * {@code stream.starting-soon}), once — also with several servers scanning.
 */
@Singleton
@Startup // started with the application, after the EJB container (a CDI start-up observer would be too early)
public class StartingSoonScheduler {

    private static final Logger LOG = Logger.getLogger(StartingSoonScheduler.class.getName());

    @Inject
    LivestreamService streams;

    @Inject
    StartReminders reminders;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reminders.minutes-before", defaultValue = "15")
    int minutesBefore;

    @Inject
    @ConfigProperty(name = "reminders.scan-seconds", defaultValue = "30")
    int scanSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> scan;

    @PostConstruct
    void start() {
        if (minutesBefore > 0) {
            scan = scheduler.scheduleWithFixedDelay(this::scan, scanSeconds, scanSeconds, TimeUnit.SECONDS);
        }
    }

    void scan() {
        try {
            Instant now = clock.instant();
            Instant horizon = now.plus(Duration.ofMinutes(minutesBefore));
            for (var snapshot : streams.upcoming(null, PageRequest.of(PageRequest.MAX_LIMIT, 0, PageRequest.MAX_LIMIT))) {
                Livestream s = snapshot.stream();
                Instant at = s.getScheduledAt();
                if (at.isAfter(horizon)) {
                    break; // soonest first
                }
                if (at.isAfter(now.minus(Duration.ofMinutes(minutesBefore)))) {
                    reminders.remind(s.getId(), at);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Starting-soon scan failed; the next one tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scan != null) {
            scan.cancel(false);
        }
    }
}
