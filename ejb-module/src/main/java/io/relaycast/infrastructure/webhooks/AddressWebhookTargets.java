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
 * ({@code WEBHOOKS_ALLOW_PRIVATE=true}). Checked at registration and again before every attempt. A
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
        Set<String> allowed = allowed();
        for (InetAddress a : addresses) {
            if (isInternal(a) && !allowed.contains(a.getHostAddress())) {
                throw new InvalidInputException("Webhooks may not target internal or special-purpose addresses ('"
                        + host + "' resolves to one); an operator may allow them with WEBHOOKS_ALLOWED_ADDRESSES.");
            }
        }
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
