package io.relaycast.application.moderation;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.chat.ChatPolicy;
import io.relaycast.application.access.Actor;
import io.relaycast.application.events.ChatDeleted;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.moderation.ChatBan;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.chat.ChatRepository;
import io.relaycast.domain.model.chat.ChatSettings;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.moderation.ModerationRepository;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamStateException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

@Stateless
public class DefaultModerationService implements ModerationService {

    @Inject
    LivestreamRepository streams;

    @Inject
    ChatRepository chat;

    @Inject
    ModerationRepository moderation;

    @Inject
    ChatPolicy policy;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @Override
    public void deleteMessage(StreamId streamId, long messageId, Actor by) {
        requireModerator(streamId, by);
        ChatMessage m = chat.find(messageId).filter(x -> x.getStreamId().equals(streamId))
                .orElseThrow(() -> new StreamNotFoundException("No chat message " + messageId + " on livestream '"
                        + streamId + "'."));
        chat.remove(m);
        events.fire(new ChatDeleted(streamId, messageId));
    }

    @Override
    public ChatBan ban(StreamId streamId, String userId, String reason, Integer minutes, Actor by) {
        Livestream stream = requireModerator(streamId, by);
        if (stream.isOwnedBy(userId)) {
            throw new ActionForbiddenException("The stream's owner cannot be banned from it.");
        }
        ChatBan ban = ChatBan.of(streamId, userId, reason, minutes, by.userId(), clock.instant());
        moderation.findBan(streamId, userId).ifPresent(old -> {
            if (old.isActive(clock.instant())) {
                throw new StreamStateException("'" + userId + "' is already banned from this stream.", null);
            }
            moderation.removeBan(old);
        });
        moderation.addBan(ban);
        return ban;
    }

    @Override
    public void unban(StreamId streamId, String userId, Actor by) {
        requireModerator(streamId, by);
        ChatBan ban = moderation.findBan(streamId, userId)
                .orElseThrow(() -> new StreamNotFoundException("'" + userId + "' is not banned from this stream."));
        moderation.removeBan(ban);
    }

    @Override
    public List<ChatBan> bans(StreamId streamId, Actor by) {
        requireModerator(streamId, by);
        return moderation.bans(streamId).stream().filter(b -> b.isActive(clock.instant())).toList();
    }

    @Override
    public ChatSettings chatSettings(StreamId streamId) {
        streams.get(streamId);
        return policy.settingsOf(streamId);
    }

    @Override
    public ChatSettings changeChatSettings(StreamId streamId, boolean enabled, boolean signedInOnly, int slowModeSeconds,
                                           Actor by) {
        requireModerator(streamId, by);
        ChatSettings settings = moderation.findSettings(streamId).orElseGet(() -> {
            ChatSettings s = ChatSettings.defaults(streamId);
            moderation.addSettings(s);
            return s;
        });
        settings.change(enabled, signedInOnly, slowModeSeconds);
        return settings;
    }

    private Livestream requireModerator(StreamId streamId, Actor by) {
        Livestream stream = streams.get(streamId);
        if (!by.staffOf(stream)) {
            throw new ActionForbiddenException("Only the stream's owner or a moderator may do this.");
        }
        return stream;
    }
}
