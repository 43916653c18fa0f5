package io.relaycast.domain.model.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of who may watch, without a server. */
class StreamAccessTest {

    private static final StreamId ID = StreamId.of("3f2b0c9e-8a47-4a8e-9c51-0b8f3f0d7a11");
    private static final Watcher ANONYMOUS = Watcher.anonymous();

    private static Watcher user(String id, String... groups) {
        return new Watcher(id, Set.of(groups), false, null);
    }

    @Test
    void publicAdmitsEveryoneSignedInAdmitsAnyUser() {
        assertEquals(WatchDecision.ALLOWED, StreamAccess.publicAccess(ID).decide(ANONYMOUS, "alice"));
        StreamAccess signedIn = StreamAccess.of(ID, Visibility.SIGNED_IN, List.of(), List.of());
        assertEquals(WatchDecision.SIGN_IN, signedIn.decide(ANONYMOUS, "alice"));
        assertEquals(WatchDecision.ALLOWED, signedIn.decide(user("dave"), "alice"));
    }

    @Test
    void restrictedAdmitsTheOwnerAdminsListedUsersAndGroupMembersOnly() {
        StreamAccess r = StreamAccess.of(ID, Visibility.RESTRICTED, List.of("bob"), List.of("engineering"));
        assertEquals(WatchDecision.ALLOWED, r.decide(user("alice"), "alice"), "owner");
        assertEquals(WatchDecision.ALLOWED, r.decide(new Watcher("erin", Set.of(), true, null), "alice"), "admin");
        assertEquals(WatchDecision.ALLOWED, r.decide(user("bob"), "alice"), "listed");
        assertEquals(WatchDecision.ALLOWED, r.decide(user("carol", "engineering", "viewers"), "alice"), "member");
        assertEquals(WatchDecision.FORBIDDEN, r.decide(user("dave", "moderators"), "alice"));
        assertEquals(WatchDecision.SIGN_IN, r.decide(ANONYMOUS, "alice"));
        assertEquals(WatchDecision.SIGN_IN, r.decide(ANONYMOUS.withInvite("x.y"), "alice"),
                "an invite is the caller's to check, not the rules'");
    }

    @Test
    void listsAreCleanedAndBounded() {
        StreamAccess r = StreamAccess.of(ID, Visibility.RESTRICTED, List.of(" bob ", "bob", "carol"), null);
        assertEquals(Set.of("bob", "carol"), r.allowedUsers());
        assertEquals(Set.of(), r.allowedGroups());
        assertThrows(InvalidInputException.class, () -> StreamAccess.of(ID, Visibility.RESTRICTED, List.of("a,b"), null));
        assertThrows(InvalidInputException.class, () -> StreamAccess.of(ID, Visibility.RESTRICTED, List.of("b\u0000"), null));
        assertThrows(InvalidInputException.class, () -> Visibility.fromWire("secret"));
    }

    @Test
    void anInviteAdmitsUntilRevokedExpiredOrUsedUp() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Invite i = Invite.of(ID, "h", "label", now.plusSeconds(60), 1, "alice", now);
        assertTrue(i.admits(now, true));
        i.used();
        assertFalse(i.admits(now, true), "a second person: used up");
        assertTrue(i.admits(now, false), "the same person again");
        assertFalse(i.admits(now.plusSeconds(61), false), "expired");
        Invite j = Invite.of(ID, "h", null, null, null, "alice", now);
        j.revoke();
        assertFalse(j.admits(now, false));
        assertThrows(InvalidInputException.class, () -> Invite.of(ID, "h", null, now.minusSeconds(1), null, "a", now));
        assertThrows(InvalidInputException.class, () -> Invite.of(ID, "h", null, null, 0, "a", now));
    }
}
