package io.relaycast.application.ingest;

import io.relaycast.application.ingest.rtmp.RtmpIngest;
import io.relaycast.application.ingest.whip.WhipIngest;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which encoder publishes into a stream through this server, whatever its protocol. Publications
 * live on the server the encoder (or the RTMP server) reached; in a cluster another server does not see them.
 */
@ApplicationScoped
public class IngestStatus {

    @Inject
    WhipIngest whip;

    @Inject
    RtmpIngest rtmp;

    public Optional<EncoderState> encoder(StreamId streamId) {
        return Stream.of(rtmp.state(streamId), whip.state(streamId)).flatMap(Optional::stream).findFirst();
    }
}
