package io.relaycast.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ChatRepository {

    void add(ChatMessage message);

    /** The page counted back from the newest message, returned oldest first. */
    List<ChatMessage> findRecent(String streamId, PageRequest page);

    long count(String streamId);

    Optional<ChatMessage> find(long messageId);

    void remove(ChatMessage message);

    /** When this user last chatted in this stream, or null. */
    Instant lastPostAt(String streamId, String userId);
}
