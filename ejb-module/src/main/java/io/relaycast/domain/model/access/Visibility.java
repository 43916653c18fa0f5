package io.relaycast.domain.model.access;

import io.relaycast.domain.model.shared.InvalidInputException;
import java.util.Arrays;

/** Who may watch: anyone, anyone signed in, or only those a restricted stream names. */
public enum Visibility {
    PUBLIC("public"), SIGNED_IN("signed-in"), RESTRICTED("restricted");

    private final String wireName;

    Visibility(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Visibility fromWire(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("visibility must be one of public, signed-in, restricted."));
    }
}
