package io.relaycast.interfaces.rest.dto;

import java.util.List;

public record StreamListResponse(List<StreamView> streams) {
}
