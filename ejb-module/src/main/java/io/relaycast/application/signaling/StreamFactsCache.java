package io.relaycast.application.signaling;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Entry(StreamFacts facts, long loadedAt) {
    }

    private final Map<StreamId, Entry> entries = new ConcurrentHashMap<>();
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

    public StreamFacts get(StreamId id) {
        long now = nanoTime.getAsLong();
        Entry e = entries.get(id);
        if (e != null && now - e.loadedAt() < TTL_NANOS) {
            return e.facts();
        }
        StreamFacts facts = loader != null ? loader.apply(id) : StreamFacts.of(streams.find(id).stream());
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(x -> now - x.loadedAt() >= TTL_NANOS);
        }
        entries.put(id, new Entry(facts, now));
        return facts;
    }

    /** The stream changed state here: the next join reads it again. */
    public void forget(StreamId id) {
        entries.remove(id);
    }
}
