package io.relaycast.domain.model.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A network of IP addresses: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address (its own /32 or
 * /128). Only IP literals: a host name would need a lookup, and could change under us.
 */
public record IpNetwork(byte[] prefix, int bits) {

    /** "10.0.0.0/8", "192.0.2.7", "[fd00::1]": an IllegalArgumentException for anything else. */
    public static IpNetwork parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] prefix = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address or network"));
        int max = prefix.length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length", e);
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
        }
        return new IpNetwork(prefix, bits);
    }

    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || ((address[full] ^ prefix[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv6 may be bracketed); empty for anything else, never a lookup. */
    public static Optional<byte[]> literal(String s) {
        String t = s == null ? "" : s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(t.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
