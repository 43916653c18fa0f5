package io.relaycast.domain.model.question;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface QuestionRepository {

    void add(Question question);

    Optional<Question> find(String questionId);

    /** The stream's questions, oldest first. */
    List<Question> ofStream(StreamId streamId);

    /** Upvotes per question of the stream (questions without any are left out). */
    Map<String, Integer> votes(StreamId streamId);

    int votes(String questionId);

    /** Adds this voter's upvote, or takes it back when there is one: whether it is there now. */
    boolean toggleVote(String questionId, String voter);

    Optional<QaSettings> settings(StreamId streamId);

    void addSettings(QaSettings settings);
}
