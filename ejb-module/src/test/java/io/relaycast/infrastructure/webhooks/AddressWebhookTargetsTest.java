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
        for (String a : new String[] {"8.8.8.8", "172.32.0.1", "100.128.0.1", "198.18.0.1", "2001:4860::8888"}) {
            assertFalse(AddressWebhookTargets.isInternal(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void literalTargetsAreCheckedUnlessAllowed() {
        AddressWebhookTargets guard = new AddressWebhookTargets();
        assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://127.0.0.1:9080/x"));
        assertThrows(InvalidInputException.class, () -> guard.requireAllowed("http://[::1]/x"));
        assertDoesNotThrow(() -> guard.requireAllowed("http://198.18.0.1:8080/x"));
        guard.allowPrivate = true;
        assertDoesNotThrow(() -> guard.requireAllowed("http://127.0.0.1:9080/x"));
    }
}
