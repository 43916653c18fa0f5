package io.relaycast.application.caption;

import io.relaycast.domain.model.stream.StreamId;

/**
 * A source of captions other than people: automatic speech recognition listening to a stream. None
 * is shipped — an engine goes in only where one is installable here without downloading model
 * weights at run time (e.g. Debian's pocketsphinx with its packaged English model) — and it would
 * post through {@link CaptionService#machine} so that its lines reach viewers and the recording
 * like a person's.
 */
public interface Captioner {

    /** Starts listening to a live stream; lines go to the service. */
    void start(StreamId streamId, CaptionService captions);

    void stop(StreamId streamId);
}
