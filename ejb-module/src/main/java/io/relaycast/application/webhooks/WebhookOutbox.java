package io.relaycast.application.webhooks;

import io.relaycast.domain.model.stream.StreamId;
import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.events.ChatPosted;
import io.relaycast.application.events.PollChanged;
import io.relaycast.application.events.StartingSoon;
import io.relaycast.domain.model.poll.PollRepository;
import io.relaycast.application.events.PeakReached;
import io.relaycast.application.events.RecordingFailed;
import io.relaycast.application.events.RecordingReady;
import io.relaycast.application.events.StreamEnded;
import io.relaycast.application.events.StreamCancelled;
import io.relaycast.application.events.StreamStarted;
import io.relaycast.application.events.StreamUpdated;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import io.relaycast.domain.model.webhook.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns committed-to-be changes into deliveries, inside the transaction that makes the change
 * (observers run in it): the event and its webhook rows commit or roll back together, and the
 * request that caused them only pays for an insert. {@link WebhookDispatcher} sends them later.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhookRepository webhooks;

    @Inject
    LivestreamRepository streams;

    @Inject
    Clock clock;

    @Inject
    PollRepository polls;

    void started(@Observes StreamStarted e) {
        enqueue("stream.started", e.streamId(), data -> { });
    }

    void ended(@Observes StreamEnded e) {
        enqueue("stream.ended", e.streamId(), data -> data.add("endedAt", e.endedAt().toString()));
    }

    void recording(@Observes RecordingReady e) {
        enqueue("recording.ready", e.streamId(), data -> data.add("recordingUrl", e.recordingUrl()));
    }

    void recordingFailed(@Observes RecordingFailed e) {
        enqueue("recording.failed", e.streamId(), data -> { });
    }

    void peak(@Observes PeakReached e) {
        enqueue("viewer.peak", e.streamId(), data -> data.add("peak", e.peak()));
    }

    void chat(@Observes ChatPosted e) {
        enqueue("chat.message", e.streamId(), data -> data.add("messageId", e.id()).add("userId", e.userId())
                .add("message", e.message()).add("createdAt", e.createdAt().toString()));
    }

    /** What changed, by name, and the stream's announcement as it is now. */
    void updated(@Observes StreamUpdated e) {
        enqueue("stream.updated", e.streamId(), data -> {
            Livestream s = streams.find(e.streamId()).orElseThrow();
            data.add("changed", JSON.createArrayBuilder(e.changed()))
                    .add("status", s.getStatus().wireName()).add("sequence", s.getCalendarSequence());
            if (s.getScheduledAt() != null) {
                data.add("scheduledAt", s.getScheduledAt().toString());
            }
        });
    }

    void cancelled(@Observes StreamCancelled e) {
        enqueue("stream.cancelled", e.streamId(), data -> { });
    }

    void startingSoon(@Observes StartingSoon e) {
        enqueue("stream.starting-soon", e.streamId(), data -> data.add("scheduledAt", e.scheduledAt().toString()));
    }

    /** A poll closed: its question, options and final votes. */
    void poll(@Observes PollChanged e) {
        if (e.kind() != PollChanged.Kind.CLOSED) {
            return;
        }
        polls.find(e.pollId()).ifPresent(p -> {
            int[] votes = polls.counts(p.getId(), p.options().size());
            enqueue("poll.closed", e.streamId(), data -> {
                var options = JSON.createArrayBuilder();
                for (int i = 0; i < votes.length; i++) {
                    options.add(JSON.createObjectBuilder().add("text", p.options().get(i)).add("votes", votes[i]));
                }
                data.add("pollId", p.getId()).add("question", p.question()).add("options", options);
            });
        });
    }

    private void enqueue(String type, StreamId streamId, java.util.function.Consumer<JsonObjectBuilder> fill) {
        Optional<Livestream> stream = streams.find(streamId);
        if (stream.isEmpty()) {
            return;
        }
        var listeners = subscriptions.of(stream.get().getUserId()).stream().filter(s -> s.wants(type)).toList();
        if (listeners.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        JsonObjectBuilder data = JSON.createObjectBuilder().add("streamId", streamId.value())
                .add("title", stream.get().getTitle()).add("ownerId", stream.get().getUserId());
        fill.accept(data);
        String payload = JSON.createObjectBuilder().add("type", type).add("timestamp", now.toString())
                .add("data", data).build().toString();
        for (var listener : listeners) {
            if (type.equals("viewer.peak")) {
                Optional<WebhookDelivery> unsent = webhooks.unsentPeak(listener.webhookId(), streamId);
                if (unsent.isPresent()) {
                    unsent.get().replacePayload(payload); // coalesced: the newest peak goes out once
                    continue;
                }
            }
            webhooks.addDelivery(new WebhookDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""),
                    listener.webhookId(), type, streamId, payload, now));
        }
    }
}
