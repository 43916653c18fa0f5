package io.relaycast.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.InvalidInputException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressWebhookTargetsTest {

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "224.0.0.1", "::1", "fe80::1",
                "fc00::1", "fd12:3456::1"}) {
            assertTrue(AddressWebhookTargets.isInternal(InetAddress.getByName(a)), a);
        }
        for (String a : new String[] {"8.8.8.8", "172.32.0.1", "100.128.0.1", "198.20.0.1", "2001:4860::8888",
                "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "192.0.1.1", "192.31.196.1"}) {
            assertFalse(AddressWebhookTargets.isInternal(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void everySpecialPurposeRangeOfTheIanaRegistriesIsRefused() throws Exception {
        for (String a : new String[] {"198.18.0.1", "198.19.255.255", "192.0.0.8", "192.0.2.1", "198.51.100.7",
                "203.0.113.9", "192.88.99.1", "240.0.0.1", "255.255.255.255", "::", "::127.0.0.1", "::10.0.0.1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1",
                "2002:7f00:1::1", "2002:a00:1::", "2001::1", "2001:0:4136:e378::1", "2001:2::1", "2001:10::1",
                "2001:20::1", "2001:db8::1", "3fff::1", "100::1", "5f00::1", "fec0::1", "ff02::1"}) {
            assertTrue(AddressWebhookTargets.isInternal(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void literalTargetsAreCheckedUnlessAllowed() {
        AddressWebhookTargets guard = new AddressWebhookTargets();
        assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://127.0.0.1:9080/x"));
        assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://[::1]/x"));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> guard.requireAllowed("http://198.18.0.1:8080/x"));
        assertFalse(refused.getMessage().contains("198.18.0.1") && !refused.getMessage().contains("'198.18.0.1'"),
                "the host is named, no resolved address added: " + refused.getMessage());
        assertFalse(assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://localhost/x"))
                .getMessage().contains("127.0.0.1"), "a name's resolved address is never echoed");
        guard.allowedAddresses = java.util.Optional.of("198.18.0.1");
        assertDoesNotThrow(() -> guard.requireAllowed("http://198.18.0.1:8080/x"), "an address the operator allows");
        assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://198.18.0.2:8080/x"));
        guard.allowPrivate = true;
        assertDoesNotThrow(() -> guard.requireAllowed("http://127.0.0.1:9080/x"));
    }
}
