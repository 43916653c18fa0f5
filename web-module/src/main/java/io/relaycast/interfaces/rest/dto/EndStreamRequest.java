package io.relaycast.interfaces.rest.dto;

import io.relaycast.domain.model.stream.Livestream;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EndStreamRequest(
        @Schema(description = "Where the recording can be fetched (http(s) URL or a path on this server)",
                example = "/recordings/6f1c2b9e.webm")
        @Size(max = Livestream.MAX_URL, message = "recordingUrl must be at most 2048 characters")
        // no spaces, control characters or bidirectional overrides
        @Pattern(regexp = "^(https?://|/)[^\\s\\p{Cntrl}\\x{80}-\\x{9F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]*$",
                message = "recordingUrl must be an http(s) URL or an absolute path")
        String recordingUrl) {
}
