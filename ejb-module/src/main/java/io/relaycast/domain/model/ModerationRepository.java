package io.relaycast.domain.model;

import java.util.List;
import java.util.Optional;

/** Bans and chat settings of streams. */
public interface ModerationRepository {

    Optional<ChatBan> findBan(String streamId, String userId);

    List<ChatBan> bans(String streamId);

    void addBan(ChatBan ban);

    void removeBan(ChatBan ban);

    Optional<ChatSettings> findSettings(String streamId);

    void addSettings(ChatSettings settings);
}
