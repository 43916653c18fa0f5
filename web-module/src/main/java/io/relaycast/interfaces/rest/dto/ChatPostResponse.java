package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ChatPostResponse(@Schema(example = "true") boolean success,
                               @Schema(example = "1051") long messageId) {
}
