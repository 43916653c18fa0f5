package io.relaycast.interfaces.rest.dto;

import java.util.List;

public record ChatHistoryResponse(List<ChatMessageView> messages) {
}
