package io.relaycast.infrastructure.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where objects go, from {@code STORAGE_URL}: {@code s3://bucket[/prefix]?endpoint=http://host:port&region=eu-west-1}.
 * Without {@code endpoint}: AWS itself; {@code region} defaults to {@code us-east-1}.
 */
public record S3Location(String bucket, String prefix, Optional<URI> endpoint, String region) {

    public static S3Location parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("STORAGE_URL is not a URL: " + e.getMessage());
        }
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("STORAGE_URL must look like s3://bucket?endpoint=…&region=…");
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        Optional<URI> endpoint = Optional.ofNullable(query.get("endpoint")).filter(e -> !e.isBlank()).map(URI::create);
        endpoint.ifPresent(e -> {
            if (!"http".equals(e.getScheme()) && !"https".equals(e.getScheme())) {
                throw new IllegalArgumentException("STORAGE_URL's endpoint must be an http(s) URL");
            }
        });
        return new S3Location(uri.getHost(), path.isEmpty() ? "" : path + "/", endpoint,
                query.getOrDefault("region", "us-east-1"));
    }

    /** The object key of a name under this location's prefix. */
    public String key(String name) {
        return prefix + name;
    }
}
