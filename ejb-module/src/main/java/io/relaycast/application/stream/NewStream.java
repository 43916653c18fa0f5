package io.relaycast.application.stream;

import java.time.Instant;
import java.util.List;

/**
 * What a broadcaster asks for when creating a stream; {@code delivery} is a wire name
 * ({@code p2p}, {@code sfu}, {@code relay}) or null for the server's default; {@code relayFanout}
 * (1–8, null: 3) is how many viewers each node of a relay tree feeds; {@code visibility} a wire
 * name ({@code public}, {@code signed-in}, {@code restricted}) or null for the server's default,
 * with the users and groups a restricted stream admits; {@code tags} (up to ten short words) and
 * {@code maxViewers} (null or 0: no limit) are optional.
 */
public record NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt,
                        String delivery, Integer relayFanout, String visibility, List<String> allowedUsers,
                        List<String> allowedGroups, List<String> tags, Integer maxViewers) {

    public NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt) {
        this(title, description, recordingEnabled, scheduledAt, null, null, null, null, null, null, null);
    }
}
