package io.relaycast.domain.model.reaction;

import java.util.Optional;

/** The reactions a viewer may send: a small fixed set, named on the wire by the emoji itself. */
public enum Reaction {
    THUMBS_UP("👍"), HEART("❤️"), LAUGH("😂"), CLAP("👏"), PARTY("🎉"), WOW("😮");

    private final String emoji;

    Reaction(String emoji) {
        this.emoji = emoji;
    }

    public String emoji() {
        return emoji;
    }

    /** The reaction for this emoji (the heart also without its variation selector), if it is one of the set. */
    public static Optional<Reaction> of(String emoji) {
        if (emoji == null) {
            return Optional.empty();
        }
        String e = emoji.equals("❤") ? HEART.emoji : emoji;
        for (Reaction r : values()) {
            if (r.emoji.equals(e)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
