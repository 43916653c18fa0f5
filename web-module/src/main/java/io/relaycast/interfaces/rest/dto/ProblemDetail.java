package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record ProblemDetail(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Conflict") String title,
        @Schema(example = "409") int status,
        @Schema(example = "Cannot chat: livestream '…' is ended, not live.") String detail,
        @Schema(example = "/api/livestream/3f2b…/chat") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
