package io.relaycast.domain.model.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ChatRepository {

    void add(ChatMessage message);

    /** The page counted back from the newest message, returned oldest first. */
    List<ChatMessage> findRecent(StreamId streamId, PageRequest page);

    long count(StreamId streamId);

    Optional<ChatMessage> find(long messageId);

    void remove(ChatMessage message);

    /** When this user last chatted in this stream, or null. */
    Instant lastPostAt(StreamId streamId, String userId);
}
