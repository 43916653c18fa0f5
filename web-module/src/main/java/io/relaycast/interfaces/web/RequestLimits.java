package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.CredentialCheck.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an API request may carry, decided from its line and headers before a byte of the body is
 * read: writes need a signed-in caller (but joining, leaving and signing in), bodies have a size
 * that fits their endpoint, and JSON endpoints take JSON.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Pattern ANONYMOUS_WRITES = Pattern.compile(
            "/api/session|/api/livestream/[^/]+/(join|leave)");
    private static final Pattern CHUNK = Pattern.compile("/api/livestream/[^/]+/recording/segments/[^/]+/chunks/[^/]+");
    private static final Pattern THUMBNAIL = Pattern.compile("/api/livestream/[^/]+/thumbnail");

    @Inject
    @ConfigProperty(name = "http.max-json-bytes", defaultValue = "65536")
    long maxJsonBytes;

    @Inject
    @ConfigProperty(name = "recordings.max-chunk-bytes", defaultValue = "16777216")
    long maxChunkBytes;

    @Inject
    @ConfigProperty(name = "thumbnails.max-bytes", defaultValue = "524288")
    long maxThumbnailBytes;

    /** A request as far as these rules look at it; {@code contentLength} is -1 when unknown (chunked). */
    public record Head(String method, String path, boolean signedIn, long contentLength, String contentType) {
        boolean hasBody() {
            return contentLength != 0;
        }
    }

    public Optional<Refusal> check(Head r) {
        boolean write = switch (r.method().toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "DELETE", "PATCH" -> true;
            default -> false;
        };
        if (!r.path().startsWith("/api/") || !write) {
            return Optional.empty();
        }
        if (!r.signedIn() && !ANONYMOUS_WRITES.matcher(r.path()).matches()) {
            return Optional.of(new Refusal(401, "Sign in to do this (HTTP Basic; see the README for demo users).", 0));
        }
        long max = maxBodyBytes(r.path());
        if (r.contentLength() > max) {
            return Optional.of(new Refusal(413, "The body may be at most " + max + " bytes.", 0));
        }
        boolean upload = max != maxJsonBytes;
        if (!upload && r.hasBody() && !isJson(r.contentType())) {
            return Optional.of(new Refusal(415, "Send the body as application/json.", 0));
        }
        return Optional.empty();
    }

    /** The largest body this endpoint takes. */
    public long maxBodyBytes(String path) {
        if (CHUNK.matcher(path).matches()) {
            return maxChunkBytes;
        }
        if (THUMBNAIL.matcher(path).matches()) {
            return maxThumbnailBytes;
        }
        return maxJsonBytes;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
