package io.relaycast.domain.model.stream;

import java.time.Instant;
import java.util.List;

/**
 * A change to a stream asked by its owner or an admin; a null part stays as it is. An empty
 * {@code description} removes it, {@code maxViewers} 0 lifts the limit, {@code tags} replaces them.
 */
public record StreamRevision(String title, String description, Instant scheduledAt, List<String> tags,
                             Boolean recordingEnabled, Integer maxViewers) {

    public boolean isEmpty() {
        return title == null && description == null && scheduledAt == null && tags == null
                && recordingEnabled == null && maxViewers == null;
    }
}
