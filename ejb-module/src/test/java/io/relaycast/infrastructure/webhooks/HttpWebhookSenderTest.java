package io.relaycast.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.relaycast.domain.model.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender connects to the addresses the guard checked, and only to those (no rebinding window). */
class HttpWebhookSenderTest {

    private HttpServer receiver;
    private final AtomicInteger received = new AtomicInteger();
    private final List<String> lookups = new ArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private AddressWebhookTargets guardAnswering(String... answers) {
        AddressWebhookTargets guard = new AddressWebhookTargets();
        guard.names = host -> {
            lookups.add(host);
            String answer = answers[Math.min(lookups.size() - 1, answers.length - 1)];
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(answer).getAddress())};
        };
        return guard;
    }

    private String url(String host) {
        return "http://" + host + ":" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsNotConnectedTo() throws Exception {
        // Public at registration, loopback when the delivery connects: a classic rebinding name.
        AddressWebhookTargets guard = guardAnswering("93.184.216.34", "127.0.0.1");
        guard.requireAllowed(url("rebind.example"));
        HttpWebhookSender sender = new HttpWebhookSender(guard, 5);
        try {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> sender.post(url("rebind.example"), Map.of(), "{}"));
            assertFalse(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
            assertEquals(0, received.get(), "nothing reached the internal listener");
            assertEquals(2, lookups.size(), "one lookup for the check, one for the connection: " + lookups);
        } finally {
            sender.close();
        }
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardAnswered() throws Exception {
        // "hooks.example" does not exist: the delivery can only arrive if the checked answer is used.
        AddressWebhookTargets guard = guardAnswering("127.0.0.1");
        guard.allowedAddresses = Optional.of("127.0.0.1");
        HttpWebhookSender sender = new HttpWebhookSender(guard, 5);
        try {
            assertEquals(204, sender.post(url("hooks.example"), Map.of("webhook-id", "msg_1"), "{}"));
            assertEquals(1, received.get());
            assertEquals(List.of("hooks.example"), lookups);
        } finally {
            sender.close();
        }
    }

    @Test
    void literalAddressesAreCheckedWhenConnecting() throws Exception {
        AddressWebhookTargets guard = new AddressWebhookTargets();
        HttpWebhookSender sender = new HttpWebhookSender(guard, 5);
        try {
            assertThrows(InvalidInputException.class, () -> sender.post(url("127.0.0.1"), Map.of(), "{}"));
            assertEquals(0, received.get());
        } finally {
            sender.close();
        }
    }
}
