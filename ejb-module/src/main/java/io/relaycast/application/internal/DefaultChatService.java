package io.relaycast.application.internal;

import io.relaycast.application.ChatService;
import io.relaycast.domain.model.ChatMessage;
import io.relaycast.domain.model.ChatRepository;
import io.relaycast.domain.model.Livestream;
import io.relaycast.domain.model.LivestreamRepository;
import io.relaycast.domain.model.PageRequest;
import io.relaycast.application.events.ChatPosted;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

@Stateless
public class DefaultChatService implements ChatService {

    @Inject
    LivestreamRepository streams;

    @Inject
    ChatRepository chat;

    @Inject
    Clock clock;

    @Inject
    UserActionLimits limits;

    @Inject
    Event<Object> events;

    @Override
    public ChatMessage post(String streamId, String userId, String displayName, String text) {
        Livestream stream = streams.get(streamId);
        ChatMessage message = ChatMessage.post(stream, userId, displayName, text, clock.instant());
        if (!stream.isOwnedBy(userId)) {
            limits.chat(userId);
        }
        chat.add(message);
        events.fire(new ChatPosted(streamId, message.getId(), message.getUserId(), message.getDisplayName(),
                message.getMessage(), message.getCreatedAt()));
        return message;
    }

    @Override
    public List<ChatMessage> history(String streamId, PageRequest page) {
        streams.get(streamId);
        return chat.findRecent(streamId, page);
    }
}
