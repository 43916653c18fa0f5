package io.relaycast.application.limits;

import io.relaycast.domain.model.shared.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-user limits on chat and likes, whichever way they arrive (REST or WebSocket), so one
 * account cannot flood a room or the database. The stream's owner is not limited in its own room.
 */
@ApplicationScoped
public class UserActionLimits {

    @Inject
    @ConfigProperty(name = "chat.max-messages-per-second", defaultValue = "5")
    int chatPerSecond;

    @Inject
    @ConfigProperty(name = "likes.max-per-second", defaultValue = "20")
    int likesPerSecond;

    @Inject
    @ConfigProperty(name = "streams.creates-per-minute", defaultValue = "10")
    int createsPerMinute;

    private RateBuckets chat;
    private RateBuckets likes;
    private RateBuckets creates;

    @Inject
    RateBucketStore store;

    @PostConstruct
    void init() {
        chat = store.buckets("chat", chatPerSecond, 2.0 * chatPerSecond);
        likes = store.buckets("likes", likesPerSecond, 2.0 * likesPerSecond);
        creates = store.buckets("creates", createsPerMinute / 60.0, createsPerMinute);
    }

    public void chat(String userId) {
        check(chat, userId, "You are sending chat messages too fast; wait a moment.");
    }

    public void like(String userId) {
        check(likes, userId, "You are liking too fast; wait a moment.");
    }

    /** Streams created by one user: a script cannot fill the database or the listings. */
    public void create(String userId) {
        check(creates, userId, "You are creating streams too fast; wait a moment.");
    }

    private static void check(RateBuckets limits, String userId, String message) {
        long wait = limits.take(userId);
        if (wait > 0) {
            throw new RateLimitedException(message, RateLimitedException.seconds(wait));
        }
    }
}
