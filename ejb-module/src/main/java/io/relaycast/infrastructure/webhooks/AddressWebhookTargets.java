package io.relaycast.infrastructure.webhooks;

import io.relaycast.application.webhooks.WebhookTargets;
import io.relaycast.domain.model.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SSRF guard: every address a webhook's host resolves to must be a public one — none of the
 * special-purpose ranges of the IANA registries ({@link SpecialAddresses}) — unless the operator
 * allows that address ({@code WEBHOOKS_ALLOWED_ADDRESSES}) or all internal ones
 * ({@code WEBHOOKS_ALLOW_PRIVATE=true}). Checked at registration and, for every attempt, on the very
 * addresses the delivery connects to. A
 * refusal names the host, never the address it resolved to (that would map the internal network).
 */
@ApplicationScoped
public class AddressWebhookTargets implements WebhookTargets {

    @Inject
    @ConfigProperty(name = "webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "webhooks.allowed-addresses")
    Optional<String> allowedAddresses = Optional.empty();

    /** How a host name becomes addresses; the system resolver, replaced in tests. */
    interface NameResolution {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    NameResolution names = InetAddress::getAllByName;

    @Override
    public void requireAllowed(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new InvalidInputException("The webhook URL has no host.");
        }
        try {
            allowedAddresses(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("The webhook host '" + unbracketed(host) + "' does not resolve.");
        }
    }

    /**
     * The host's addresses, resolved once and every one of them checked. A delivery connects to
     * exactly these ({@link HttpWebhookSender}'s resolver), so a name cannot answer a public address
     * to the check and an internal one to the connection (DNS rebinding).
     */
    InetAddress[] allowedAddresses(String host) throws UnknownHostException {
        String name = unbracketed(host);
        InetAddress[] addresses = names.addressesOf(name);
        if (allowPrivate) {
            return addresses;
        }
        Set<String> allowed = allowed();
        for (InetAddress a : addresses) {
            if (isInternal(a) && !allowed.contains(a.getHostAddress())) {
                throw new InvalidInputException("Webhooks may not target internal or special-purpose addresses ('"
                        + name + "' resolves to one); an operator may allow them with WEBHOOKS_ALLOWED_ADDRESSES.");
            }
        }
        return addresses;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isInternal(InetAddress a) {
        return SpecialAddresses.isSpecial(a);
    }

    private Set<String> allowed() {
        return allowedAddresses.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(AddressWebhookTargets::normalized).collect(Collectors.toSet())).orElse(Set.of());
    }

    private static String normalized(String address) {
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
