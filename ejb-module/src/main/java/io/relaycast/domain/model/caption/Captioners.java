package io.relaycast.domain.model.caption;

import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The users a stream's owner gave the captioner role for that stream (a CART writer, a colleague). */
@Entity
@Table(name = "livestream_captioners")
public class Captioners {

    public static final int MAX = 20;

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "users", nullable = false, length = 20 * 129)
    private String users;

    protected Captioners() {
        // for JPA
    }

    public Captioners(StreamId streamId) {
        this.streamId = streamId.value();
        this.users = "";
    }

    public Set<String> users() {
        return Arrays.stream(users.split(",")).filter(u -> !u.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    public void users(Set<String> names) {
        this.users = String.join(",", new TreeSet<>(names));
    }
}
