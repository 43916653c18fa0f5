package io.relaycast.application;

import io.relaycast.domain.model.ChatBan;
import io.relaycast.domain.model.ChatSettings;
import java.util.List;

/** Moderating a stream's chat: the stream's owner, or anyone with the moderator (or admin) role. */
public interface ModerationService {

    /** Removes the line from history and from every viewer's page ({@code chat:deleted}). */
    void deleteMessage(String streamId, long messageId, Actor by);

    /** Bars the user from the stream's chat and likes, for {@code minutes} or for good (null). */
    ChatBan ban(String streamId, String userId, String reason, Integer minutes, Actor by);

    void unban(String streamId, String userId, Actor by);

    List<ChatBan> bans(String streamId, Actor by);

    ChatSettings chatSettings(String streamId);

    ChatSettings changeChatSettings(String streamId, boolean enabled, boolean signedInOnly, int slowModeSeconds,
                                    Actor by);
}
