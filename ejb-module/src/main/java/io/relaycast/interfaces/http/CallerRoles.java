package io.relaycast.interfaces.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the caller has one of Relaycast's roles: bound in relaycast.xml to registry groups, or
 * granted by a company group ({@code BROADCASTER_GROUPS}, {@code MODERATOR_GROUPS},
 * {@code ADMIN_GROUPS} for any registry's groups, and {@code OIDC_…_GROUPS} for the identity
 * provider's: comma-separated group names), so that company groups need no edit of the server's
 * role bindings.
 */
public final class CallerRoles {

    /** The roles staff are given, and the registry group relaycast.xml binds each to. */
    public static final Map<String, String> BOUND_GROUPS = Map.of(
            "broadcaster", "broadcasters", "moderator", "moderators", "admin", "admins");

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

    /** The company groups that grant {@code role} by configuration (both settings together). */
    public static Set<String> configuredGroups(String role) {
        String r = role.toLowerCase(Locale.ROOT);
        Set<String> groups = new java.util.HashSet<>();
        for (String key : List.of(r + ".groups", "oidc." + r + ".groups")) {
            ConfigProvider.getConfig().getOptionalValue(key, String.class).map(CallerRoles::parse)
                    .ifPresent(groups::addAll);
        }
        return Set.copyOf(groups);
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
