package io.relaycast.interfaces.signaling;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One endpoint instance for every connection: {@link SignalingEndpoint} keeps each connection's
 * state in its session, so the container need not create and inject an instance per handshake
 * (it showed in every handshake's CPU profile).
 */
public class SharedEndpoint extends ServerEndpointConfig.Configurator {

    private static final ConcurrentHashMap<Class<?>, Object> INSTANCES = new ConcurrentHashMap<>();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        ClientAddress.copy(config, request);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(INSTANCES.computeIfAbsent(endpointClass, c -> CDI.current().select(c).get()));
    }
}
