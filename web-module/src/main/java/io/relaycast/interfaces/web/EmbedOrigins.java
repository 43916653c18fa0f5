package io.relaycast.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web origins whose pages may frame /embed/{id} ({@code EMBED_ALLOWED_ORIGINS}, comma-separated,
 * e.g. {@code https://intranet.example.com}); none by default. Only scheme://host[:port] entries are
 * taken (anything else could widen the CSP), the rest is logged and ignored.
 */
@ApplicationScoped
public class EmbedOrigins {

    private static final Logger LOG = Logger.getLogger(EmbedOrigins.class.getName());

    @Inject
    @ConfigProperty(name = "embed.allowed-origins")
    Optional<String> configured;

    private List<String> origins = List.of();

    @PostConstruct
    void init() {
        origins = configured.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .filter(EmbedOrigins::valid).toList()).orElse(List.of());
    }

    public List<String> origins() {
        return origins;
    }

    static boolean valid(String origin) {
        try {
            URI u = URI.create(origin);
            boolean ok = ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null
                    && u.getRawFragment() == null && u.getRawUserInfo() == null
                    && origin.chars().noneMatch(c -> c <= ' ' || c == ';' || c == '\'' || c == ',');
            if (!ok) {
                LOG.warning("EMBED_ALLOWED_ORIGINS: '" + origin + "' is not an origin (scheme://host[:port]); ignored");
            }
            return ok;
        } catch (IllegalArgumentException e) {
            LOG.warning("EMBED_ALLOWED_ORIGINS: '" + origin + "' is not an origin; ignored");
            return false;
        }
    }
}
