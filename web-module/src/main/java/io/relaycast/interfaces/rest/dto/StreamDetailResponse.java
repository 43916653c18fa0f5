package io.relaycast.interfaces.rest.dto;

import io.relaycast.interfaces.rest.AccessResource;

/** A stream; for its owner and admins also who may watch it ({@code access}; absent for everyone else). */
public record StreamDetailResponse(StreamView stream, AccessResource.AccessView access) {

    public StreamDetailResponse(StreamView stream) {
        this(stream, null);
    }
}
