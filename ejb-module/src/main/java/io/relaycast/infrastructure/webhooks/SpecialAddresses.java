package io.relaycast.infrastructure.webhooks;

import io.relaycast.domain.model.shared.IpNetwork;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The special-purpose ranges of the IANA IPv4 and IPv6 address registries that a webhook must
 * never reach: private, shared (CGNAT), loopback, link-local, documentation, benchmarking,
 * reserved, multicast, discard-only, local NAT64, Teredo and ORCHID. IPv6 forms that carry an
 * IPv4 address (IPv4-compatible, IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by
 * the address they carry. Globally reachable anycast ranges of the registry (AS112, AMT) are not
 * refused.
 */
final class SpecialAddresses {

    private static final List<IpNetwork> V4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private static final List<IpNetwork> V6 = ranges("::/128", "::1/128", "100::/64", "64:ff9b:1::/48", "2001::/23",
            "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static final IpNetwork COMPATIBLE = range("::/96");
    private static final IpNetwork NAT64 = range("64:ff9b::/96");
    private static final IpNetwork SIX_TO_FOUR = range("2002::/16");

    private SpecialAddresses() {
    }

    static boolean isSpecial(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return V4.stream().anyMatch(r -> r.contains(a));
        }
        if (address instanceof Inet6Address) {
            // (Java already turns IPv4-mapped ::ffff:a.b.c.d into an Inet4Address)
            boolean compatible = COMPATIBLE.contains(a) && !V6.get(0).contains(a) && !V6.get(1).contains(a);
            if (compatible || NAT64.contains(a)) {
                return isSpecial(v4(Arrays.copyOfRange(a, 12, 16)));
            }
            if (SIX_TO_FOUR.contains(a)) {
                return isSpecial(v4(Arrays.copyOfRange(a, 2, 6)));
            }
            return V6.stream().anyMatch(r -> r.contains(a));
        }
        return true;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<IpNetwork> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(IpNetwork::parse).toList();
    }

    private static IpNetwork range(String cidr) {
        return IpNetwork.parse(cidr);
    }
}
