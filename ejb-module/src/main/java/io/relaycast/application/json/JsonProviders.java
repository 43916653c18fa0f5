package io.relaycast.application.json;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. {@code Json.createParser} and friends look the provider
 * up through the class loaders on every call: measured at 40 % of the server's CPU per relayed
 * signaling message (see docs/performance.md). Use {@link #JSON} instead of the static methods.
 */
public final class JsonProviders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
