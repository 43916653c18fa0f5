package io.relaycast.interfaces.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which web origins may open a signaling socket with the user's cookie or credentials: this
 * server's own (the origin whose host is the request's Host), plus any listed in
 * {@code ALLOWED_ORIGINS} (comma-separated, e.g. {@code https://intranet.example.com}). Clients
 * that send no Origin (not browsers) are not affected.
 */
@ApplicationScoped
public class AllowedOrigins {

    @Inject
    @ConfigProperty(name = "allowed.origins")
    Optional<String> configured;

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        return sameHost(origin, host) || listed().contains(normalize(origin));
    }

    static boolean sameHost(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return false;
            }
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Set<String> listed() {
        return configured.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(AllowedOrigins::normalize).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
