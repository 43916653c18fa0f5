package io.relaycast.application.poll;

import io.relaycast.application.access.Actor;
import io.relaycast.application.events.PollChanged;
import io.relaycast.domain.model.poll.Poll;
import io.relaycast.domain.model.poll.PollRepository;
import io.relaycast.domain.model.poll.PollVote;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.ConflictException;
import io.relaycast.domain.model.shared.LimitReachedException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Polls of a stream: its owner, moderators and admins draft, open and close them; signed-in
 * viewers vote once each (a second vote is a conflict, also when both arrive at once); anyone who
 * may watch sees open and closed polls with their results, staff also the drafts.
 */
@Stateless
public class PollService {

    @Inject
    LivestreamRepository streams;

    @Inject
    PollRepository polls;

    @Inject
    Clock clock;

    @Inject
    Event<PollChanged> changed;

    public PollView create(StreamId streamId, Actor by, String question, List<String> options) {
        Livestream stream = staff(streamId, by);
        if (stream.getStatus().isOver()) {
            throw new ConflictException("The stream is " + stream.getStatus().wireName() + ".");
        }
        if (polls.ofStream(streamId).size() >= Poll.MAX_PER_STREAM) {
            throw new LimitReachedException("A stream has at most " + Poll.MAX_PER_STREAM + " polls.");
        }
        Poll p = Poll.draft(streamId, question, options, by.userId(), clock.instant());
        polls.add(p);
        return PollView.of(p, new int[p.options().size()]);
    }

    public PollView open(StreamId streamId, String pollId, Actor by) {
        staff(streamId, by);
        Poll p = lockedPoll(streamId, pollId);
        p.open();
        changed.fire(new PollChanged(streamId, pollId, PollChanged.Kind.OPENED));
        return view(p);
    }

    public PollView close(StreamId streamId, String pollId, Actor by) {
        staff(streamId, by);
        Poll p = lockedPoll(streamId, pollId);
        p.close(clock.instant());
        changed.fire(new PollChanged(streamId, pollId, PollChanged.Kind.CLOSED));
        return view(p);
    }

    /** One vote per signed-in voter; a second one (or two at once) is a 409. */
    public void vote(StreamId streamId, String pollId, String voter, int option) {
        Poll p = poll(streamId, pollId, false);
        p.requireVotable(option);
        if (polls.hasVoted(pollId, voter) || !polls.vote(new PollVote(pollId, voter, option, clock.instant()))) {
            throw new ConflictException("You have voted in this poll already.");
        }
        changed.fire(new PollChanged(streamId, pollId, PollChanged.Kind.VOTED));
    }

    /** The stream's polls with their results (drafts only for staff). */
    public List<PollView> list(StreamId streamId, Actor by) {
        streams.get(streamId);
        boolean staff = by != null && by.staffOf(streams.get(streamId));
        return polls.ofStream(streamId).stream().filter(p -> staff || p.state() != Poll.State.DRAFT).map(this::view).toList();
    }

    public PollView get(StreamId streamId, String pollId, Actor by) {
        boolean staff = by != null && by.staffOf(streams.get(streamId));
        return view(poll(streamId, pollId, staff));
    }

    /** For the room and the webhook, after a change committed. */
    public PollView current(String pollId) {
        return polls.find(pollId).map(this::view).orElse(null);
    }

    private PollView view(Poll p) {
        return PollView.of(p, polls.counts(p.getId(), p.options().size()));
    }

    private Poll poll(StreamId streamId, String pollId, boolean draftsToo) {
        return polls.find(pollId).filter(p -> p.streamId().equals(streamId))
                .filter(p -> draftsToo || p.state() != Poll.State.DRAFT)
                .orElseThrow(() -> new StreamNotFoundException("No poll '" + pollId + "' on livestream '" + streamId + "'."));
    }

    private Poll lockedPoll(StreamId streamId, String pollId) {
        return polls.findForUpdate(pollId).filter(p -> p.streamId().equals(streamId))
                .orElseThrow(() -> new StreamNotFoundException("No poll '" + pollId + "' on livestream '" + streamId + "'."));
    }

    private Livestream staff(StreamId streamId, Actor by) {
        Livestream s = streams.get(streamId);
        if (!by.staffOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner, moderators and admins run polls.");
        }
        return s;
    }

}
