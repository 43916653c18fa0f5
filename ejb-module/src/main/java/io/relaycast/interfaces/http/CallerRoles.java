package io.relaycast.interfaces.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the caller has one of Relaycast's roles: bound in server.xml to registry groups, or
 * granted by a company group from the identity provider ({@code OIDC_BROADCASTER_GROUPS},
 * {@code OIDC_MODERATOR_GROUPS}, {@code OIDC_ADMIN_GROUPS}: comma-separated group names), so that
 * the provider's groups need no edit of the server's role bindings.
 */
public final class CallerRoles {

    private CallerRoles() {
    }

    /** @param containerRole the container's answer (isUserInRole of the request or security context) */
    public static boolean has(Predicate<String> containerRole, String role) {
        return has(containerRole, role, CallerRoles::configuredGroups, CallerGroups::current);
    }

    static boolean has(Predicate<String> containerRole, String role, Function<String, Set<String>> groupsGranting,
            java.util.function.Supplier<Set<String>> callerGroups) {
        if (containerRole.test(role)) {
            return true;
        }
        Set<String> granting = groupsGranting.apply(role);
        return !granting.isEmpty() && !Collections.disjoint(granting, callerGroups.get());
    }

    static Set<String> configuredGroups(String role) {
        return ConfigProvider.getConfig()
                .getOptionalValue("oidc." + role.toLowerCase(Locale.ROOT) + ".groups", String.class)
                .map(CallerRoles::parse).orElse(Set.of());
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
