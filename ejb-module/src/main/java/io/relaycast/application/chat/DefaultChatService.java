package io.relaycast.application.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.limits.UserActionLimits;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.chat.ChatRepository;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.shared.PageRequest;
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

    @Inject
    ChatPolicy policy;

    @Override
    public ChatMessage post(StreamId streamId, ChatAuthor author, String text) {
        Livestream stream = streams.get(streamId);
        ChatMessage message = ChatMessage.post(stream, author.userId(), author.displayName(), text, clock.instant());
        policy.requireMayChat(stream, author);
        if (!stream.isOwnedBy(author.userId())) {
            limits.chat(author.userId());
        }
        chat.add(message);
        events.fire(new ChatPosted(streamId, message.getId(), message.getUserId(), message.getDisplayName(),
                message.getMessage(), message.getCreatedAt()));
        return message;
    }

    @Override
    public List<ChatMessage> history(StreamId streamId, PageRequest page) {
        streams.get(streamId);
        return chat.findRecent(streamId, page);
    }
}
