package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CallerRolesTest {

    private static final Function<String, Set<String>> MAPPING = role -> Map.of(
            "broadcaster", Set.of("av-team", "studio"),
            "admin", Set.of("it-admins")).getOrDefault(role, Set.of());

    @Test
    void theServersRoleBindingsStillCount() {
        assertTrue(CallerRoles.has(r -> r.equals("broadcaster"), "broadcaster", MAPPING, Set::of));
    }

    @Test
    void aCompanyGroupListedForTheRoleGrantsIt() {
        assertTrue(CallerRoles.has(r -> false, "broadcaster", MAPPING, () -> Set.of("staff", "studio")));
        assertTrue(CallerRoles.has(r -> false, "admin", MAPPING, () -> Set.of("it-admins")));
    }

    @Test
    void otherGroupsAndUnmappedRolesGrantNothing() {
        assertFalse(CallerRoles.has(r -> false, "broadcaster", MAPPING, () -> Set.of("it-admins", "staff")));
        assertFalse(CallerRoles.has(r -> false, "moderator", MAPPING, () -> Set.of("av-team")));
        assertFalse(CallerRoles.has(r -> false, "admin", MAPPING, Set::of));
    }

    @Test
    void theSettingIsACommaSeparatedListOfGroupNames() {
        assertEquals(Set.of("av-team", "Studio Crew"), CallerRoles.parse(" av-team, Studio Crew ,,"));
        assertEquals(Set.of(), CallerRoles.parse(""));
    }

    @Test
    void aTokensGroupsClaimIsAListOrASpaceOrCommaSeparatedString() {
        assertEquals(Set.of("a", "b"), BearerTokens.groups(List.of("a", "b")));
        assertEquals(Set.of("a", "b", "c"), BearerTokens.groups("a b,c"));
        assertEquals(Set.of(), BearerTokens.groups(null));
        assertEquals(Set.of(), BearerTokens.groups(42));
    }

    @Test
    void aRefusedTokenIsLoggedByLibertysMessageCodesOnlyNeverTheToken() {
        assertEquals("CWWKS6031E CWWKS6041E", BearerTokens.codes("CWWKS6031E: The consumer cannot process the token. "
                + "CWWKS6041E: invalid signature ->eyJhbGciOi.eyJzdWIi.sig"));
        assertEquals("(no message code)", BearerTokens.codes("eyJhbGciOi.eyJzdWIi.sig"));
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        assertTrue(BearerTokens.isAccessToken(null, java.util.Map.of("sub", "frank", "scope", "api")));
        assertTrue(BearerTokens.isAccessToken("at+jwt", java.util.Map.of("sub", "frank")));
        assertTrue(BearerTokens.isAccessToken("JWT", java.util.Map.of("typ", "Bearer")));
        assertFalse(BearerTokens.isAccessToken(null, java.util.Map.of("sub", "frank", "at_hash", "x")));
        assertFalse(BearerTokens.isAccessToken(null, java.util.Map.of("sub", "frank", "c_hash", "x")));
        assertFalse(BearerTokens.isAccessToken("JWT", java.util.Map.of("typ", "ID")));
        assertFalse(BearerTokens.isAccessToken("logout+jwt", java.util.Map.of("sub", "frank")));
    }

    @Test
    void onlyABearerHeaderIsTakenForAToken() {
        assertTrue(BearerTokens.isBearer("Bearer abc"));
        assertTrue(BearerTokens.isBearer("bearer abc"));
        assertFalse(BearerTokens.isBearer("Basic YWxpY2U6eA=="));
        assertFalse(BearerTokens.isBearer("Bearer"));
        assertFalse(BearerTokens.isBearer(null));
    }
}
