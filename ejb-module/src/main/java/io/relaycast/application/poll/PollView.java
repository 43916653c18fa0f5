package io.relaycast.application.poll;

import io.relaycast.domain.model.poll.Poll;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A poll with its results: what the REST API, the room and the webhook show. */
public record PollView(String id, String streamId, String question, List<String> options, List<Integer> votes,
                       String state, Instant createdAt, Instant closedAt) {

    static PollView of(Poll p, int[] counts) {
        return new PollView(p.getId(), p.streamId().value(), p.question(), p.options(),
                Arrays.stream(counts).boxed().toList(), p.state().wireName(), p.createdAt(), p.closedAt());
    }

    public int total() {
        return votes.stream().mapToInt(Integer::intValue).sum();
    }
}
