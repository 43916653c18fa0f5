package io.relaycast.domain.model.poll;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Optional;

public interface PollRepository {

    void add(Poll poll);

    Optional<Poll> find(String pollId);

    /** For update: one state change of a poll at a time. */
    Optional<Poll> findForUpdate(String pollId);

    /** The stream's polls, oldest first. */
    List<Poll> ofStream(StreamId streamId);

    /** Stores the vote now; false when this voter has voted in this poll already (also under concurrency). */
    boolean vote(PollVote vote);

    boolean hasVoted(String pollId, String voter);

    /** Votes per option, for a poll of {@code options} options. */
    int[] counts(String pollId, int options);
}
