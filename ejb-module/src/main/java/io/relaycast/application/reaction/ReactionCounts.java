package io.relaycast.application.reaction;

import io.relaycast.domain.model.reaction.ReactionCount;
import io.relaycast.domain.model.reaction.ReactionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Keeps one window's counts, in a transaction of their own (off the socket threads). */
@Stateless
public class ReactionCounts {

    @Inject
    ReactionRepository reactions;

    public void keep(List<ReactionCount> counts) {
        reactions.add(counts);
    }
}
