package io.relaycast.application;

import io.relaycast.domain.model.ChatMessage;
import io.relaycast.domain.model.PageRequest;
import java.util.List;

public interface ChatService {

    /** Validates and stores a message on a live stream. */
    ChatMessage post(String streamId, String userId, String displayName, String text);

    /** Most recent page of the stream's chat, in chronological order. */
    List<ChatMessage> history(String streamId, PageRequest page);
}
