package io.relaycast.application.events;

/** A webhook was registered or removed: who listens to whose events may have changed. */
public record WebhooksChanged() {
}
