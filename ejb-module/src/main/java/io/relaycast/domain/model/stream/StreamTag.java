package io.relaycast.domain.model.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One tag of one stream. A row per tag (not a list in a column) so that a listing filtered by tag
 * is an indexed join; {@link Tags} checks the words.
 */
@Entity
@Table(name = "livestream_tags")
@IdClass(StreamTag.Key.class)
public class StreamTag {

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Id
    @Column(name = "tag", length = Tags.MAX_LENGTH * 4) // a word in UTF-8 may take up to four bytes a letter
    private String tag;

    @Column(name = "tag_position", nullable = false)
    private int position;

    protected StreamTag() {
        // for JPA
    }

    public StreamTag(StreamId streamId, String tag, int position) {
        this.streamId = streamId.value();
        this.tag = tag;
        this.position = position;
    }

    public StreamId streamId() {
        return StreamId.of(streamId);
    }

    public String tag() {
        return tag;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String streamId;
        private String tag;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(streamId, k.streamId) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streamId, tag);
        }
    }
}
