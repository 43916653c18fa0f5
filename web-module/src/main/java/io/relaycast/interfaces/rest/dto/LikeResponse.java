package io.relaycast.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LikeResponse(@Schema(description = "Total likes of the stream", example = "18") long likes) {
}
