package io.relaycast.application.question;

import io.relaycast.domain.model.question.Question;
import java.time.Instant;

/**
 * A question as one reader may see it: the author is left out of an anonymous question except for
 * staff (moderators always see who asked) and the author; {@code votedByMe} is the reader's upvote.
 */
public record QuestionView(String id, String text, String author, boolean anonymous, String state, int votes,
                           boolean votedByMe, Instant createdAt) {

    static QuestionView of(Question q, int votes, boolean showAuthor, boolean votedByMe) {
        return new QuestionView(q.getId(), q.text(), q.anonymous() && !showAuthor ? null : q.author(), q.anonymous(),
                q.state().wireName(), votes, votedByMe, q.createdAt());
    }
}
