package io.relaycast.application.signaling;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.application.events.StreamKeyChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A stream's facts for admission, read from the database at most once per {@link #TTL_NANOS} per
 * stream: a thousand viewers joining at once cost one read, not a thousand. Start and end of a
 * stream on this server drop its entry at once; anything else (another server's change) is seen
 * within the TTL, and the database still refuses a join to a stream that is not live.
 */
@ApplicationScoped
public class StreamFactsCache {

    static final long TTL_NANOS = 2_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    /** {@code facts} is null for an id that does not exist. */
    private record Entry(StreamFacts facts, long loadedAt) {
    }

    private final Map<StreamId, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by {@link #forget}: a read that a forget overtook is not kept (it may predate the change). */
    private final AtomicLong forgets = new AtomicLong();
    private Function<StreamId, StreamFacts> loader;
    private LongSupplier nanoTime = System::nanoTime;

    @Inject
    LivestreamService streams;

    /** For unit tests: a loader and a clock of their own. */
    static StreamFactsCache of(Function<StreamId, StreamFacts> loader, LongSupplier nanoTime) {
        StreamFactsCache c = new StreamFactsCache();
        c.loader = loader;
        c.nanoTime = nanoTime;
        return c;
    }

    /**
     * The stream's facts, read at most once per TTL; an unknown id is remembered as unknown for as
     * long, so that a script trying made-up ids costs one database read per id and TTL, not one per try.
     */
    public StreamFacts get(StreamId id) {
        long now = nanoTime.getAsLong();
        Entry e = entries.get(id);
        if (e != null && now - e.loadedAt() < TTL_NANOS) {
            if (e.facts() == null) {
                throw StreamNotFoundException.stream(id);
            }
            return e.facts();
        }
        long forgetsBefore = forgets.get();
        StreamFacts facts;
        try {
            facts = loader != null ? loader.apply(id) : StreamFacts.of(streams.find(id).stream());
        } catch (StreamNotFoundException unknown) {
            rememberUnlessForgotten(id, null, now, forgetsBefore);
            throw unknown;
        }
        rememberUnlessForgotten(id, facts, now, forgetsBefore);
        return facts;
    }

    private void rememberUnlessForgotten(StreamId id, StreamFacts facts, long now, long forgetsBefore) {
        if (forgets.get() == forgetsBefore) {
            Entry e = remember(id, facts, now);
            if (e != null && forgets.get() != forgetsBefore) {
                entries.remove(id, e); // a forget came between the check and the put
            }
        }
    }

    /** Bounded: expired entries go first; past the bound, unknown ids are not remembered. */
    private Entry remember(StreamId id, StreamFacts facts, long now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(x -> now - x.loadedAt() >= TTL_NANOS);
            if (facts == null && entries.size() >= MAX_ENTRIES) {
                return null;
            }
        }
        Entry e = new Entry(facts, now);
        entries.put(id, e);
        return e;
    }

    /** A new key was committed here: the old one admits no publisher from now on. */
    void keyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamKeyChanged e) {
        forget(e.streamId());
    }

    /** The stream changed state here: the next join reads it again. */
    public void forget(StreamId id) {
        forgets.incrementAndGet();
        entries.remove(id);
    }
}
