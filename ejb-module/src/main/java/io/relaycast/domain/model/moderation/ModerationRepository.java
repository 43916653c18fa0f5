package io.relaycast.domain.model.moderation;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.chat.ChatSettings;
import java.util.List;
import java.util.Optional;

/** Bans and chat settings of streams. */
public interface ModerationRepository {

    Optional<ChatBan> findBan(StreamId streamId, String userId);

    List<ChatBan> bans(StreamId streamId);

    void addBan(ChatBan ban);

    void removeBan(ChatBan ban);

    Optional<ChatSettings> findSettings(StreamId streamId);

    void addSettings(ChatSettings settings);
}
