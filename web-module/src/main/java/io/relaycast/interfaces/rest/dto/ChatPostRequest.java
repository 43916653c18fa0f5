package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Length and content rules live in the domain (ChatText), shared with the WebSocket path. */
public record ChatPostRequest(
        @Schema(required = true, minLength = 1, maxLength = 500, example = "Great demo!") String message) {
}
