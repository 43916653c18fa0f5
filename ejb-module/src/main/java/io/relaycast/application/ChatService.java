package io.relaycast.application;

import io.relaycast.domain.model.ChatMessage;
import io.relaycast.domain.model.PageRequest;
import java.util.List;

public interface ChatService {

    /**
     * Validates and stores a message on a live stream, under the stream's chat settings (on/off,
     * signed-in only, slow mode) and bans; the owner and moderators are exempt from slow mode and
     * may chat while chat is off.
     */
    ChatMessage post(String streamId, ChatAuthor author, String text);

    /** Most recent page of the stream's chat, in chronological order. */
    List<ChatMessage> history(String streamId, PageRequest page);
}
