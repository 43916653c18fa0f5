package io.relaycast.domain.model.caption;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One final caption line, at its time from the stream's start (the recording's time line). */
@Entity
@Table(name = "livestream_captions")
@NamedQuery(name = CaptionLine.OF_STREAM, query = "SELECT c FROM CaptionLine c WHERE c.streamId = :streamId ORDER BY c.offsetMillis, c.id")
public class CaptionLine {

    public static final String OF_STREAM = "CaptionLine.ofStream";
    public static final int MAX_TEXT = 500;

    @Id
    @SequenceGenerator(name = "captions_seq", sequenceName = "livestream_captions_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "captions_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "offset_millis", nullable = false)
    private long offsetMillis;

    @Column(name = "caption_text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "author", nullable = false, length = 128)
    private String author;

    protected CaptionLine() {
        // for JPA
    }

    public CaptionLine(StreamId streamId, long offsetMillis, String text, String author) {
        this.streamId = streamId.value();
        this.offsetMillis = Math.max(0, offsetMillis);
        this.text = text;
        this.author = author;
    }

    /** A caption's text: one or a few lines, at most 500 characters, no control characters. */
    public static String text(String raw) {
        return InputText.lines(raw, "text", MAX_TEXT, true);
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    public String text() {
        return text;
    }
}
