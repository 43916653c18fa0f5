package io.relaycast.interfaces.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, for per-address limits: the connection's peer, or — only when
 * that peer is one of the operator's {@code HTTP_TRUSTED_PROXIES} (a load balancer; addresses or
 * networks, see {@link TrustedProxies}) — the client
 * that proxy names in {@code X-Forwarded-For} (the right-most address that is not itself a trusted
 * proxy). Without it, behind a load balancer every user would share one address and one allowance;
 * trusting the header from anyone else would let a client pick its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "http.trusted-proxies")
    Optional<String> configured;

    private TrustedProxies trusted;

    public String of(HttpServletRequest req) {
        return of(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        TrustedProxies proxies = trusted();
        if (forwardedFor == null || !proxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!proxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private TrustedProxies trusted() {
        if (trusted == null) {
            trusted = TrustedProxies.parse(configured.orElse(""));
        }
        return trusted;
    }
}
