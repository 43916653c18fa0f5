package io.relaycast.application.recording;

import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.SameOriginPath;
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
 * Where an owner may point a stream's recording: a path on this server, or an http(s) URL on a
 * host the operator allows ({@code RECORDINGS_ALLOWED_HOSTS}, comma-separated; none by default).
 * The VOD page links to it, so anything else would let an owner send viewers off-site.
 */
@ApplicationScoped
public class RecordingUrlPolicy {

    @Inject
    @ConfigProperty(name = "recordings.allowed-hosts")
    Optional<String> allowedHosts;

    public void check(String url) {
        if (url == null || url.isBlank() || SameOriginPath.isSafe(url.strip())) {
            return;
        }
        if (!isAllowedRemote(url.strip(), hosts())) {
            throw new InvalidInputException("recordingUrl must be a path on this server (like /api/livestream/{id}/recording)"
                    + " or an http(s) URL on a host in RECORDINGS_ALLOWED_HOSTS.");
        }
    }

    static boolean isAllowedRemote(String url, Set<String> hosts) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private Set<String> hosts() {
        return allowedHosts.map(h -> Arrays.stream(h.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
    }
}
