package io.relaycast.domain.model.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Rules for free text and links that users type into entities (pins, webhooks). */
public final class InputText {

    private InputText() {
    }

    /** A value that must be given (not blank); returned as it is. */
    public static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " is required.");
        }
        return value;
    }

    /** Stripped text of at most {@code max} characters; null when blank and not required. */
    public static String text(String value, String name, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(name + " is required.");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(name + " is limited to " + max + " characters.");
        }
        return v;
    }

    /** Absolute http(s) URLs with a host only: no javascript:, data: or relative links on the watch page. */
    public static String httpUrl(String value, String name, boolean required) {
        String v = text(value, name, 2048, required);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isBlank()) {
                throw new InvalidInputException(name + " must be an absolute http(s) URL.");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException(name + " must be an absolute http(s) URL.");
        }
    }
}
