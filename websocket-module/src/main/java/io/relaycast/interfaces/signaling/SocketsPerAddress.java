package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.SignalingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open signaling sockets per client address, capped ({@code signaling.max-sockets-per-address}):
 * one script cannot hold thousands of sockets. The handshake is refused at the cap; the count is
 * kept by the endpoint as sockets open and close.
 */
@ApplicationScoped
public class SocketsPerAddress {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    @Inject
    SignalingSettings settings;

    public boolean full(String address) {
        return address != null && open.getOrDefault(address, 0) >= settings.maxSocketsPerAddress();
    }

    void opened(String address) {
        if (address != null) {
            open.merge(address, 1, Integer::sum);
        }
    }

    void closed(String address) {
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }
}
