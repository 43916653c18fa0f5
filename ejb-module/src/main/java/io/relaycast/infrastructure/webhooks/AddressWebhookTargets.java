package io.relaycast.infrastructure.webhooks;

import io.relaycast.application.webhooks.WebhookTargets;
import io.relaycast.domain.model.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SSRF guard: every address a webhook's host resolves to must be a public one — not loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata
 * service, fe80::/10), carrier-grade NAT (100.64/10), unspecified or multicast — unless
 * {@code WEBHOOKS_ALLOW_PRIVATE=true}. Checked at registration and again before every attempt.
 */
@ApplicationScoped
public class AddressWebhookTargets implements WebhookTargets {

    @Inject
    @ConfigProperty(name = "webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Override
    public void requireAllowed(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new InvalidInputException("The webhook URL has no host.");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("The webhook host '" + host + "' does not resolve.");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                throw new InvalidInputException("Webhooks may not target internal addresses ('" + host + "' is "
                        + a.getHostAddress() + "); an operator may allow them with WEBHOOKS_ALLOW_PRIVATE=true.");
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128); // "this network", CGNAT 100.64/10
    }
}
