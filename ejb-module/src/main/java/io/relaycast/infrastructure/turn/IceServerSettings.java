package io.relaycast.infrastructure.turn;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ICE configuration as read from MicroProfile Config, parsed and checked once.
 * Comma-separated URL lists; a TURN entry without a scheme gets {@code turn:}.
 */
public record IceServerSettings(List<String> stunUrls, List<String> turnUrls, Optional<String> sharedSecret,
                                Optional<String> staticUsername, Optional<String> staticPassword, Duration ttl) {

    public enum TurnMode { NONE, SHARED_SECRET, STATIC }

    public static IceServerSettings parse(Optional<String> stunServers, Optional<String> turnServer,
                                          Optional<String> secret, Optional<String> username,
                                          Optional<String> password, long ttlSeconds) {
        if (ttlSeconds < 60) {
            throw new IllegalArgumentException("TURN_TTL must be at least 60 seconds (was " + ttlSeconds + ")");
        }
        return new IceServerSettings(
                urls(stunServers, "stun:"),
                urls(turnServer, "turn:"),
                nonBlank(secret), nonBlank(username), nonBlank(password), Duration.ofSeconds(ttlSeconds));
    }

    public TurnMode turnMode() {
        if (turnUrls.isEmpty()) {
            return TurnMode.NONE;
        }
        if (sharedSecret.isPresent()) {
            return TurnMode.SHARED_SECRET;
        }
        if (staticUsername.isPresent() && staticPassword.isPresent()) {
            return TurnMode.STATIC;
        }
        return TurnMode.NONE;
    }

    private static List<String> urls(Optional<String> raw, String defaultScheme) {
        return raw.map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .map(u -> u.matches("^(stun|stuns|turn|turns):.*") ? u : defaultScheme + u)
                        .toList())
                .orElse(List.of());
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        // Secrets stay out of logs.
        return "IceServerSettings[stun=" + stunUrls + ", turn=" + turnUrls + ", mode=" + turnMode()
                + ", ttl=" + ttl + "]";
    }
}
