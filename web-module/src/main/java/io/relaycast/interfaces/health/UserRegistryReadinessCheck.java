package io.relaycast.interfaces.health;

import com.ibm.websphere.security.UserRegistry;
import com.ibm.wsspi.security.registry.RegistryHelper;
import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.interfaces.http.SingleSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Someone can sign in: the server has a user registry (basic, LDAP, …) or single sign-on. Without
 * either nobody can create a stream or moderate, so the server is not ready, and says why (an
 * install without demo users, before the operator has configured a registry). Roles that no group
 * of the registry can give (neither the bound group nor a configured company group exists) are
 * listed as {@code rolesNobodyHas} — ready all the same, and logged once.
 */
@Readiness
@ApplicationScoped
public class UserRegistryReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(UserRegistryReadinessCheck.class.getName());
    private static final long RECHECK_MILLIS = 300_000;

    @Inject
    SingleSignOn sso;

    private volatile Set<String> rolesNobodyHas;
    private volatile long checkedAt;

    @Override
    public HealthCheckResponse call() {
        UserRegistry registry = registry();
        var response = HealthCheckResponse.named("users").withData("singleSignOn", sso.enabled());
        if (registry == null) {
            return sso.enabled() ? response.up().withData("registry", "none (single sign-on only)").build()
                    : response.down().withData("registry", "no user registry configured").build();
        }
        response.up().withData("registry", realm(registry));
        Set<String> unreachable = rolesNobodyHas(registry);
        return unreachable.isEmpty() ? response.build() : response.withData("rolesNobodyHas", String.join(",", unreachable)).build();
    }

    private Set<String> rolesNobodyHas(UserRegistry registry) {
        long now = System.currentTimeMillis();
        if (rolesNobodyHas == null || now - checkedAt > RECHECK_MILLIS) {
            Set<String> roles = new TreeSet<>();
            CallerRoles.BOUND_GROUPS.forEach((role, bound) -> {
                Set<String> mapped = CallerRoles.configuredGroups(role);
                boolean fromProvider = sso.enabled() && !mapped.isEmpty(); // the provider's groups: not ours to list
                if (!fromProvider && !exists(registry, bound) && mapped.stream().noneMatch(g -> exists(registry, g))) {
                    roles.add(role);
                }
            });
            if (rolesNobodyHas == null && !roles.isEmpty()) {
                LOG.warning("No user can have the role(s) " + roles + ": the registry has no group bound to them "
                        + "(" + List.copyOf(roles).stream().map(CallerRoles.BOUND_GROUPS::get).toList()
                        + ") and no configured company group (BROADCASTER_GROUPS, MODERATOR_GROUPS, ADMIN_GROUPS)");
            }
            rolesNobodyHas = roles;
            checkedAt = now;
        }
        return rolesNobodyHas;
    }

    private static boolean exists(UserRegistry registry, String group) {
        try {
            return registry.isValidGroup(group);
        } catch (Exception e) {
            LOG.log(Level.FINE, "group check failed", e);
            return true; // cannot say: not reported
        }
    }

    private static String realm(UserRegistry registry) {
        try {
            return registry.getRealm();
        } catch (Exception e) {
            return "configured";
        }
    }

    /** The server's registry, or null without one. */
    private static UserRegistry registry() {
        try {
            return RegistryHelper.getUserRegistry(null);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "no user registry", e);
            return null;
        }
    }
}
