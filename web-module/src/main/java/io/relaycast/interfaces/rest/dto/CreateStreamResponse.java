package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateStreamResponse")
public record CreateStreamResponse(
        @Schema(example = "6f1c2b9e-8a47-4a8e-9c51-0b8f3f0d7a11") String streamId,
        @Schema(description = "Secret the broadcaster proves ownership with; shown once here and to the owner only",
                example = "rk_q1nUqkz0d9oX2Yh7cJv0a8kS2kQm7h3bVx9rT4pL6eE") String streamKey) {
}
