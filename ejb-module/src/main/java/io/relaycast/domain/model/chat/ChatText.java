package io.relaycast.domain.model.chat;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;

/** A chat message body: trimmed, 1–500 characters, no control characters but newlines and tab, no bidi overrides. */
public record ChatText(String value) {

    public static final int MAX_LENGTH = 500;

    /** Validates and normalizes; throws {@link InvalidInputException} saying what is wrong. */
    public ChatText {
        value = normalize(value);
    }

    public static ChatText of(String raw) {
        return new ChatText(raw);
    }

    /** Returns the text to store, or throws {@link InvalidInputException} saying what is wrong. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new InvalidInputException("message is required.");
        }
        String text = raw.strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            throw new InvalidInputException("message must not be empty.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("message must be at most " + MAX_LENGTH
                    + " characters (was " + length + ").");
        }
        if (InputText.hasForbiddenCharacters(text, true)) {
            throw new InvalidInputException("message must not contain control characters or bidirectional overrides.");
        }
        return text;
    }
}
