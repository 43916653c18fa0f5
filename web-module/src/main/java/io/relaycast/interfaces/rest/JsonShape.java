package io.relaycast.interfaces.rest;

import java.util.Optional;

/**
 * A cheap look at a JSON body before JSON-B sees it: brackets balanced (JSON-B reads a truncated
 * document without complaint) and nested at most {@link #MAX_DEPTH} deep (Parsson, skipping a
 * deeply nested unknown field, loops forever: one such request would hold a thread for good).
 */
final class JsonShape {

    static final int MAX_DEPTH = 32;

    private JsonShape() {
    }

    /** Empty when the body may be handed to JSON-B, else what is wrong with it. */
    static Optional<String> problem(byte[] body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > MAX_DEPTH) {
                        return Optional.of("The JSON body is nested deeper than " + MAX_DEPTH + " levels.");
                    }
                }
                case '}', ']' -> {
                    if (--depth < 0) {
                        return Optional.of("The request body is not valid JSON (unbalanced brackets).");
                    }
                }
                default -> {
                    // other tokens are JSON-B's business
                }
            }
        }
        return depth != 0 || inString
                ? Optional.of("The request body is not valid JSON (it ends in the middle).")
                : Optional.empty();
    }
}
