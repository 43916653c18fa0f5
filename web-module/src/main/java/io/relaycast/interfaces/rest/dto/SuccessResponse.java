package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SuccessResponse(@Schema(example = "true") boolean success) {

    public static final SuccessResponse OK = new SuccessResponse(true);
}
