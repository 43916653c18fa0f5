package io.relaycast.application.delivery.sfu;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Set;

/**
 * The SFU instance holding these rooms was lost (their publications and feeds are gone) and the
 * SFU can take them again — another instance, or the same one back: their publishers must publish
 * again, and their viewers are subscribed anew once they have.
 */
public record SfuRestarted(Set<StreamId> rooms) {
}
