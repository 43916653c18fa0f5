package io.relaycast.application.moderation;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.access.Actor;
import io.relaycast.domain.model.moderation.ChatBan;
import io.relaycast.domain.model.chat.ChatSettings;
import java.util.List;

/** Moderating a stream's chat: the stream's owner, or anyone with the moderator (or admin) role. */
public interface ModerationService {

    /** Removes the line from history and from every viewer's page ({@code chat:deleted}). */
    void deleteMessage(StreamId streamId, long messageId, Actor by);

    /** Bars the user from the stream's chat and likes, for {@code minutes} or for good (null). */
    ChatBan ban(StreamId streamId, String userId, String reason, Integer minutes, Actor by);

    void unban(StreamId streamId, String userId, Actor by);

    List<ChatBan> bans(StreamId streamId, Actor by);

    ChatSettings chatSettings(StreamId streamId);

    ChatSettings changeChatSettings(StreamId streamId, boolean enabled, boolean signedInOnly, int slowModeSeconds,
                                    Actor by);
}
