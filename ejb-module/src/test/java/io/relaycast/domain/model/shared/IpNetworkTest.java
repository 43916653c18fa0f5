package io.relaycast.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpNetworkTest {

    private static byte[] ip(String s) {
        return IpNetwork.literal(s).orElseThrow();
    }

    @Test
    void aNetworkHoldsTheAddressesUnderItsPrefix() {
        IpNetwork n = IpNetwork.parse("192.168.4.0/22");
        assertTrue(n.contains(ip("192.168.7.255")));
        assertFalse(n.contains(ip("192.168.8.0")));
        assertFalse(n.contains(ip("fd00::1")), "another family");
        assertTrue(IpNetwork.parse("fd00::/8").contains(ip("[fd12::1]")));
        assertTrue(IpNetwork.parse("10.0.0.2").contains(ip("10.0.0.2")));
        assertFalse(IpNetwork.parse("10.0.0.2").contains(ip("10.0.0.3")));
        assertTrue(IpNetwork.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
    }

    @Test
    void onlyLiteralsAndValidPrefixes() {
        for (String bad : new String[] {"lb.example.com", "10.0.0.300", "10.0.0.0/33", "10.0.0.0/x", "", "::/129"}) {
            assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse(bad), bad);
        }
        assertTrue(IpNetwork.literal("example.com").isEmpty(), "never a lookup");
    }
}
