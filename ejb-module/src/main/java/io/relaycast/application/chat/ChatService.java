package io.relaycast.application.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.shared.PageRequest;
import java.util.List;

public interface ChatService {

    /**
     * Validates and stores a message on a live stream, under the stream's chat settings (on/off,
     * signed-in only, slow mode) and bans; the owner and moderators are exempt from slow mode and
     * may chat while chat is off.
     */
    ChatMessage post(StreamId streamId, ChatAuthor author, String text);

    /** Most recent page of the stream's chat, in chronological order. */
    List<ChatMessage> history(StreamId streamId, PageRequest page);
}
