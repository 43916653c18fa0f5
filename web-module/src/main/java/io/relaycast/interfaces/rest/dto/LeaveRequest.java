package io.relaycast.interfaces.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LeaveRequest(
        @Schema(required = true, example = "0b4c6f7e-2f4a-4c55-9f0e-5b8d1c2a3e4f")
        @NotBlank(message = "viewerId is required")
        @Size(max = 64, message = "viewerId is too long")
        String viewerId) {
}
