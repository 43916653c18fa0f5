package io.relaycast.interfaces.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operator's load balancers: addresses and networks ({@code 10.0.0.2}, {@code 10.0.0.0/8},
 * {@code fd00::/8}), for a Kubernetes ingress whose pods change address. Only IP literals: a
 * name would need a lookup per request and could change under us.
 */
final class TrustedProxies {

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] a) {
            if (a.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((a[full] ^ address[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** Comma-separated; an entry that is not an address or network is refused (startup fails loudly). */
    static TrustedProxies parse(String list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split("/", 2);
            byte[] address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "HTTP_TRUSTED_PROXIES: '" + e + "' is not an IP address or network"));
            int max = address.length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("HTTP_TRUSTED_PROXIES: bad prefix in '" + e + "'");
            }
            networks.add(new Network(address, prefix));
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    boolean contains(String address) {
        return literal(address).map(a -> networks.stream().anyMatch(n -> n.contains(a))).orElse(false);
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    private static java.util.Optional<byte[]> literal(String s) {
        String t = s == null ? "" : s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(t.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return networks.stream().map(n -> Arrays.toString(n.address()) + "/" + n.prefix()).toList().toString();
    }
}
