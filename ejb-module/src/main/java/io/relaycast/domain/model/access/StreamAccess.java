package io.relaycast.domain.model.access;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may watch one stream. Without a row a stream is public (as every stream was before
 * visibility existed). The owner and admins may always watch; {@code signed-in} admits any
 * authenticated user; {@code restricted} admits the listed users, members of the listed groups,
 * and holders of a valid invite (checked by the caller, which knows the invites).
 */
@Entity
@Table(name = "livestream_access")
@NamedQuery(name = StreamAccess.OF_STREAMS, query = "SELECT a FROM StreamAccess a WHERE a.streamId IN :ids")
public class StreamAccess {

    public static final String OF_STREAMS = "StreamAccess.ofStreams";
    public static final int MAX_ENTRIES = 200;
    private static final int MAX_NAME = 128;

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "visibility", nullable = false, length = 16)
    private String visibility;

    /** Comma-separated user ids (names never contain commas: checked on the way in). */
    @Column(name = "allowed_users", length = 8000)
    private String allowedUsers;

    @Column(name = "allowed_groups", length = 8000)
    private String allowedGroups;

    protected StreamAccess() {
        // for JPA
    }

    public static StreamAccess of(StreamId streamId, Visibility visibility, Collection<String> users,
                                  Collection<String> groups) {
        StreamAccess a = new StreamAccess();
        a.streamId = streamId.value();
        a.change(visibility, users, groups);
        return a;
    }

    public static StreamAccess publicAccess(StreamId streamId) {
        return of(streamId, Visibility.PUBLIC, Set.of(), Set.of());
    }

    public final void change(Visibility visibility, Collection<String> users, Collection<String> groups) {
        this.visibility = visibility.wireName();
        this.allowedUsers = joined(users, "allowedUsers");
        this.allowedGroups = joined(groups, "allowedGroups");
    }

    /** Everything but invites: those are the caller's to check when this says FORBIDDEN or SIGN_IN. */
    public WatchDecision decide(Watcher w, String ownerId) {
        if (w.signedIn() && (w.userId().equals(ownerId) || w.admin())) {
            return WatchDecision.ALLOWED;
        }
        return switch (visibility()) {
            case PUBLIC -> WatchDecision.ALLOWED;
            case SIGNED_IN -> w.signedIn() ? WatchDecision.ALLOWED : WatchDecision.SIGN_IN;
            case RESTRICTED -> {
                if (w.signedIn() && (allowedUsers().contains(w.userId())
                        || w.groups().stream().anyMatch(allowedGroups()::contains))) {
                    yield WatchDecision.ALLOWED;
                }
                yield w.signedIn() ? WatchDecision.FORBIDDEN : WatchDecision.SIGN_IN;
            }
        };
    }

    public Visibility visibility() {
        return Visibility.fromWire(visibility);
    }

    public Set<String> allowedUsers() {
        return split(allowedUsers);
    }

    public Set<String> allowedGroups() {
        return split(allowedGroups);
    }

    public StreamId streamId() {
        return StreamId.of(streamId);
    }

    private static String joined(Collection<String> names, String field) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        if (names.size() > MAX_ENTRIES) {
            throw new InvalidInputException(field + " may list at most " + MAX_ENTRIES + " names.");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String n : names) {
            String name = InputText.text(n, field, MAX_NAME, true);
            if (name.contains(",")) {
                throw new InvalidInputException(field + " entries may not contain commas.");
            }
            clean.add(name);
        }
        return String.join(",", clean);
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
