package io.relaycast.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON-B for the few bodies read by hand (optional bodies that may come without a content type). */
final class JsonBodies {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonBodies() {
    }

    /** Throws JsonbException (mapped to 400) when the text is not JSON of that shape. */
    static <T> T parse(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
