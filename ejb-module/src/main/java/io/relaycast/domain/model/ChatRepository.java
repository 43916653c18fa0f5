package io.relaycast.domain.model;

import java.util.List;

public interface ChatRepository {

    void add(ChatMessage message);

    /** The page counted back from the newest message, returned oldest first. */
    List<ChatMessage> findRecent(String streamId, PageRequest page);

    long count(String streamId);
}
