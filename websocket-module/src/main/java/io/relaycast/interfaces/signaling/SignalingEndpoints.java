package io.relaycast.interfaces.signaling;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/** The module's WebSocket endpoints, found by the container at deployment: signaling only. */
public class SignalingEndpoints implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(ServerEndpointConfig.Builder.create(SignalingEndpoint.class, SignalingEndpoint.PATH)
                .configurator(new SharedEndpoint()).build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
