package io.relaycast.interfaces.http;

import io.relaycast.domain.model.shared.InputText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request's path or query, once decoded, holds characters no id or parameter may hold
 * (a NUL in a path parameter reaches the database as it is, and PostgreSQL answers that with an
 * error). Refused at the edge with a 400, before any resource sees it.
 */
public final class AddressText {

    private AddressText() {
    }

    public static boolean forbidden(String rawPath, String rawQuery) {
        return forbidden(rawPath) || (rawQuery != null && forbidden(rawQuery));
    }

    private static boolean forbidden(String raw) {
        if (raw.indexOf('%') < 0) {
            return InputText.hasForbiddenCharacters(raw, false);
        }
        try {
            return InputText.hasForbiddenCharacters(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8),
                    false);
        } catch (IllegalArgumentException e) {
            return false; // a malformed escape is the container's to refuse
        }
    }
}
