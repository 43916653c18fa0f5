package io.relaycast.interfaces.signaling;

import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * The client's network address and verified guest identity, carried from the handshake into the
 * socket: the WebSocket API has no way to ask for them, so the handshake filter puts them in
 * headers of its own (replacing any the client sent) and the endpoint configurator copies them
 * into the session's properties.
 */
public final class ClientAddress {

    /** Set by the handshake filter only; a client's own header of this name is dropped. */
    public static final String HEADER = "X-Relaycast-Client-Address";
    static final String PROPERTY = "relaycast.client-address";
    /** Set by the handshake filter only: the guest id of a verified guest cookie (absent without one). */
    public static final String GUEST_HEADER = "X-Relaycast-Guest";
    static final String GUEST_PROPERTY = "relaycast.guest";
    /** Set by the handshake filter only: whether the caller may watch ("allowed", "sign-in", "forbidden"). */
    public static final String WATCH_HEADER = "X-Relaycast-Watch";
    static final String WATCH_PROPERTY = "relaycast.watch";

    private ClientAddress() {
    }

    static void copy(ServerEndpointConfig config, HandshakeRequest request) {
        copy(config, request, HEADER, PROPERTY);
        copy(config, request, GUEST_HEADER, GUEST_PROPERTY);
        copy(config, request, WATCH_HEADER, WATCH_PROPERTY);
    }

    private static void copy(ServerEndpointConfig config, HandshakeRequest request, String header, String property) {
        List<String> values = request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (values != null && values.size() == 1 && !values.get(0).isEmpty()) {
            config.getUserProperties().put(property, values.get(0));
        }
    }
}
