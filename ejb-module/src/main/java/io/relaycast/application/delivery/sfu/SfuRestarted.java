package io.relaycast.application.delivery.sfu;

/** The SFU is reachable again after it was lost (its rooms and feeds are gone): publishers must publish again. */
public record SfuRestarted() {
}
