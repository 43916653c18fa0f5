package io.relaycast.application.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.chat.ChatSettings;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.moderation.ModerationRepository;
import io.relaycast.domain.model.shared.SignInRequiredException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** The moderation rules a chat line or a like must pass; runs inside the caller's transaction. */
@ApplicationScoped
public class ChatPolicy {

    @Inject
    ModerationRepository moderation;

    @Inject
    SlowMode slowMode;

    @Inject
    Clock clock;

    public ChatSettings settingsOf(StreamId streamId) {
        return moderation.findSettings(streamId).orElseGet(() -> ChatSettings.defaults(streamId));
    }

    public void requireNotBanned(StreamId streamId, String userId) {
        if (userId != null && moderation.findBan(streamId, userId).filter(b -> b.isActive(clock.instant())).isPresent()) {
            throw new ActionForbiddenException("You are banned from this stream's chat and likes.");
        }
    }

    /** Chat on/off, signed-in only, bans and slow mode; the owner and moderators pass on/off and slow mode. */
    public void requireMayChat(Livestream stream, ChatAuthor author) {
        ChatSettings settings = settingsOf(stream.getId());
        boolean privileged = author.signedIn() && (stream.isOwnedBy(author.userId()) || author.moderator());
        if (!author.signedIn() && settings.isSignedInOnly()) {
            throw new SignInRequiredException("Sign in to chat on this stream.");
        }
        requireNotBanned(stream.getId(), author.userId());
        if (privileged) {
            return;
        }
        if (!settings.isEnabled()) {
            throw new ActionForbiddenException("Chat is turned off for this stream.");
        }
        slowMode.require(stream.getId(), author.userId(), settings.getSlowModeSeconds());
    }
}
