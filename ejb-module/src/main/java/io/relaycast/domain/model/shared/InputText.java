package io.relaycast.domain.model.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Rules for free text and links that users type into entities (titles, descriptions, chat, pins,
 * ban reasons, webhooks): no control characters (NUL breaks PostgreSQL; others hide or garble text
 * in other people's pages) and no bidirectional overrides (they make a line read other than it is).
 */
public final class InputText {

    private InputText() {
    }

    /** Whether the text holds a character no user text may hold; newlines ({@code \n}) only where {@code multiline}. */
    public static boolean hasForbiddenCharacters(String text, boolean multiline) {
        return text.codePoints().anyMatch(c -> forbidden(c, multiline));
    }

    private static boolean forbidden(int c, boolean multiline) {
        if (c == '\t' || (multiline && c == '\n')) {
            return false;
        }
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Refuses text with forbidden characters (see {@link #hasForbiddenCharacters}); null passes. */
    public static String plain(String value, String name, boolean multiline) {
        if (value != null && hasForbiddenCharacters(value, multiline)) {
            throw new InvalidInputException(name + " must not contain control characters or bidirectional overrides.");
        }
        return value;
    }

    /** A value that must be given (not blank); returned as it is. */
    public static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " is required.");
        }
        return value;
    }

    /** Text of one or more lines, stripped, line ends as {@code \n}; null stays null. */
    public static String paragraphs(String value, String name) {
        return value == null ? null : plain(value.strip().replace("\r\n", "\n"), name, true);
    }

    /** Stripped single-line text of at most {@code max} characters; null when blank and not required. */
    public static String text(String value, String name, int max, boolean required) {
        return bounded(value, name, max, required, false);
    }

    /** As {@link #text}, but the text may run over several lines. */
    public static String lines(String value, String name, int max, boolean required) {
        return bounded(value, name, max, required, true);
    }

    private static String bounded(String value, String name, int max, boolean required, boolean multiline) {
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
        return plain(v, name, multiline);
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
