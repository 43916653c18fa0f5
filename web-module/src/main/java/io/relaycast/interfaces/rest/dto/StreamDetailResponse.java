package io.relaycast.interfaces.rest.dto;

public record StreamDetailResponse(StreamView stream) {
}
