package io.relaycast.application.question;

import io.relaycast.application.access.Actor;
import io.relaycast.application.events.QuestionChanged;
import io.relaycast.domain.model.question.QaSettings;
import io.relaycast.domain.model.question.Question;
import io.relaycast.domain.model.question.QuestionRepository;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.ConflictException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.LimitReachedException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Q&A of a stream: signed-in viewers ask (anonymously to other viewers where the owner allows it)
 * and upvote (again: the upvote is taken back); the owner, moderators and admins approve, dismiss,
 * mark one "answering" (the one before becomes answered) and answered. In a moderated Q&A a
 * question waits for approval before others see it.
 */
@Stateless
public class QuestionService {

    static final int MAX_PER_ASKER = 20;

    @Inject
    LivestreamRepository streams;

    @Inject
    QuestionRepository questions;

    @Inject
    Clock clock;

    @Inject
    Event<QuestionChanged> changed;

    public QuestionView ask(StreamId streamId, String asker, String text, boolean anonymous) {
        Livestream s = streams.get(streamId);
        if (s.getStatus().isOver()) {
            throw new ConflictException("The stream is " + s.getStatus().wireName() + "; questions are closed.");
        }
        QaSettings settings = settingsOf(streamId);
        if (anonymous && !settings.anonymousAllowed()) {
            throw new InvalidInputException("This stream takes no anonymous questions.");
        }
        if (questions.ofStream(streamId).stream().filter(q -> q.author().equals(asker)).count() >= MAX_PER_ASKER) {
            throw new LimitReachedException("At most " + MAX_PER_ASKER + " questions per person and stream.");
        }
        Question q = Question.ask(streamId, asker, text, anonymous, settings.moderated(), clock.instant());
        questions.add(q);
        changed.fire(new QuestionChanged(streamId, q.getId(), QuestionChanged.Kind.ADDED));
        return QuestionView.of(q, 0, true, false);
    }

    /** {@code sort}: top (most upvotes first) or new; {@code state}: only that state (null: all the reader may see). */
    public List<QuestionView> list(StreamId streamId, Actor reader, String sort, String state) {
        boolean staff = reader != null && reader.staffOf(streams.get(streamId));
        Map<String, Integer> votes = questions.votes(streamId);
        Comparator<QuestionView> order = "new".equals(sort) ? Comparator.comparing(QuestionView::createdAt).reversed()
                : Comparator.comparingInt(QuestionView::votes).reversed().thenComparing(QuestionView::createdAt);
        if (sort != null && !"new".equals(sort) && !"top".equals(sort)) {
            throw new InvalidInputException("sort must be 'top' or 'new'.");
        }
        String me = reader == null ? null : reader.userId();
        return questions.ofStream(streamId).stream()
                .filter(q -> staff || q.state().public_() || q.author().equals(me))
                .filter(q -> state == null || q.state().wireName().equals(state))
                .map(q -> QuestionView.of(q, votes.getOrDefault(q.getId(), 0), staff || q.author().equals(me), false))
                .sorted(order).toList();
    }

    /** Upvote, or take the upvote back: whether it stands now, and the count. */
    public QuestionView vote(StreamId streamId, String questionId, String voter) {
        Question q = question(streamId, questionId);
        if (!q.state().public_()) {
            throw new StreamNotFoundException("No question '" + questionId + "' on livestream '" + streamId + "'.");
        }
        if (q.state() == Question.State.ANSWERED) {
            throw new ConflictException("This question has been answered; it takes no more upvotes.");
        }
        boolean voted = questions.toggleVote(questionId, voter);
        changed.fire(new QuestionChanged(streamId, questionId, QuestionChanged.Kind.VOTED));
        return QuestionView.of(q, questions.votes(questionId), q.author().equals(voter), voted);
    }

    public QuestionView moderate(StreamId streamId, String questionId, Actor by, String state) {
        Livestream s = streams.get(streamId);
        if (!by.staffOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner, moderators and admins moderate questions.");
        }
        Question.State next = Question.State.set(state);
        Question q = question(streamId, questionId);
        if (next == Question.State.ANSWERING) {
            for (Question other : questions.ofStream(streamId)) {
                if (other.state() == Question.State.ANSWERING && !other.getId().equals(questionId)) {
                    other.moveTo(Question.State.ANSWERED); // one "now answering" at a time
                    changed.fire(new QuestionChanged(streamId, other.getId(), QuestionChanged.Kind.UPDATED));
                }
            }
        }
        q.moveTo(next);
        changed.fire(new QuestionChanged(streamId, questionId, QuestionChanged.Kind.UPDATED));
        return QuestionView.of(q, questions.votes(questionId), true, false);
    }

    public QaSettings settings(StreamId streamId) {
        streams.get(streamId);
        return settingsOf(streamId);
    }

    public QaSettings changeSettings(StreamId streamId, Actor by, boolean moderated, boolean anonymousAllowed) {
        Livestream s = streams.get(streamId);
        if (!by.managerOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner or an admin changes its Q&A settings.");
        }
        QaSettings settings = questions.settings(streamId).orElseGet(() -> {
            QaSettings d = QaSettings.defaults(streamId);
            questions.addSettings(d);
            return d;
        });
        settings.change(moderated, anonymousAllowed);
        return settings;
    }

    /** For the room, after a change committed: the question as any viewer sees it, and its stream's owner. */
    public RoomView roomView(String questionId) {
        return questions.find(questionId).map(q -> new RoomView(QuestionView.of(q, questions.votes(questionId), false,
                false), streams.get(q.streamId()).getUserId())).orElse(null);
    }

    public record RoomView(QuestionView question, String owner) {
    }

    public Map<String, Integer> votes(StreamId streamId) {
        return questions.votes(streamId);
    }

    private QaSettings settingsOf(StreamId streamId) {
        return questions.settings(streamId).orElseGet(() -> QaSettings.defaults(streamId));
    }

    private Question question(StreamId streamId, String questionId) {
        return questions.find(questionId).filter(q -> q.streamId().equals(streamId))
                .orElseThrow(() -> new StreamNotFoundException("No question '" + questionId + "' on livestream '"
                        + streamId + "'."));
    }

}
