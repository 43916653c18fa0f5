package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For counts only when the connection comes from a trusted proxy. */
class ClientAddressesTest {

    private static ClientAddresses trusting(String proxies) {
        ClientAddresses a = new ClientAddresses();
        a.configured = Optional.ofNullable(proxies);
        return a;
    }

    @Test
    void aClientCannotChooseItsOwnAddress() {
        assertEquals("192.0.2.10", trusting(null).of("192.0.2.10", "203.0.113.5"));
        assertEquals("192.0.2.10", trusting("10.0.0.2").of("192.0.2.10", "203.0.113.5"));
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        ClientAddresses a = trusting("10.0.0.2, 10.0.0.3");
        assertEquals("203.0.113.5", a.of("10.0.0.2", "203.0.113.5"));
        assertEquals("203.0.113.5", a.of("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.3"),
                "what the client itself wrote in front is not believed");
        assertEquals("10.0.0.2", a.of("10.0.0.2", null));
        assertEquals("10.0.0.3", a.of("10.0.0.2", "10.0.0.3"), "all hops trusted: the first of them");
    }

    @Test
    void proxiesMayBeGivenAsNetworksForIngressPodsThatChangeAddress() {
        ClientAddresses a = trusting("10.0.0.0/8, 192.168.4.0/22, fd00::/8");
        assertEquals("203.0.113.5", a.of("10.42.7.9", "203.0.113.5"));
        assertEquals("203.0.113.5", a.of("192.168.7.255", "203.0.113.5"));
        assertEquals("192.168.8.1", a.of("192.168.8.1", "203.0.113.5"), "outside the /22");
        assertEquals("203.0.113.5", a.of("fd12::1", "203.0.113.5"));
        assertEquals("11.0.0.1", a.of("11.0.0.1", "203.0.113.5"));
    }

    @Test
    void aNameOrAMalformedEntryIsRefusedAtOnce() {
        for (String bad : new String[] {"lb.example.com", "10.0.0.0/33", "10.0.0.300", "10.0.0.0/x"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> trusting(bad).of("10.0.0.1", "203.0.113.5"), bad);
        }
    }
}
