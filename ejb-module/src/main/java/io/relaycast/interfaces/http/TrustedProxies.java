package io.relaycast.interfaces.http;

import io.relaycast.domain.model.shared.IpNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's load balancers: addresses and networks ({@code 10.0.0.2}, {@code 10.0.0.0/8},
 * {@code fd00::/8}), for a Kubernetes ingress whose pods change address. IP literals only.
 */
final class TrustedProxies {

    private final List<IpNetwork> networks;

    private TrustedProxies(List<IpNetwork> networks) {
        this.networks = networks;
    }

    /** Comma-separated; an entry that is not an address or network is refused (the first request fails loudly). */
    static TrustedProxies parse(String list) {
        List<IpNetwork> networks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            if (!entry.isBlank()) {
                try {
                    networks.add(IpNetwork.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("HTTP_TRUSTED_PROXIES: " + e.getMessage(), e);
                }
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    boolean contains(String address) {
        return IpNetwork.literal(address).map(a -> networks.stream().anyMatch(n -> n.contains(a))).orElse(false);
    }
}
