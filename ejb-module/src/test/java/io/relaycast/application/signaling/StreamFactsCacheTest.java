package io.relaycast.application.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamFactsCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private boolean exists = true;
    private long now;
    private StreamStatus status = StreamStatus.LIVE;
    private final StreamFactsCache cache = StreamFactsCache.of(id -> {
        loads.incrementAndGet();
        if (!exists) {
            throw StreamNotFoundException.stream(id);
        }
        return new StreamFacts("alice", status, DeliveryMode.P2P, "rk_secret", 3);
    }, () -> now);
    private final StreamId id = StreamId.of("s1");

    @Test
    void aJoinStormReadsTheStreamOnce() {
        StreamFacts first = cache.get(id);
        for (int i = 0; i < 1000; i++) {
            now += 1_000_000; // 1 ms apart: all within the TTL
            assertSame(first, cache.get(id));
        }
        assertEquals(1, loads.get());
    }

    @Test
    void readAgainAfterTheTtl() {
        cache.get(id);
        status = StreamStatus.ENDED;
        now += StreamFactsCache.TTL_NANOS;
        assertEquals(StreamStatus.ENDED, cache.get(id).status());
        assertEquals(2, loads.get());
    }

    @Test
    void aReadThatAStateChangeOvertookIsNotKept() {
        // the stream went live (and its entry was forgotten) while a join was reading the old state
        AtomicReference<StreamFactsCache> self = new AtomicReference<>();
        StreamFactsCache racing = StreamFactsCache.of(sid -> {
            StreamStatus read = status;
            if (loads.incrementAndGet() == 1) {
                status = StreamStatus.LIVE;
                self.get().forget(sid);
            }
            return new StreamFacts("alice", read, DeliveryMode.P2P, "rk_secret", 3);
        }, () -> now);
        self.set(racing);
        status = StreamStatus.SCHEDULED;
        assertEquals(StreamStatus.SCHEDULED, racing.get(id).status()); // what that join saw
        assertEquals(StreamStatus.LIVE, racing.get(id).status()); // the next one reads again
        assertEquals(2, loads.get());
    }

    @Test
    void aStateChangeHereIsSeenAtOnce() {
        cache.get(id);
        status = StreamStatus.ENDED;
        cache.forget(id);
        assertEquals(StreamStatus.ENDED, cache.get(id).status());
    }

    @Test
    void ownerOrKeyAdmitsABroadcasterAndTheKeyIsNeverPrinted() {
        StreamFacts f = cache.get(id);
        assertTrue(f.admitsBroadcaster(new UserId("alice"), null));
        assertTrue(f.admitsBroadcaster(null, StreamKey.of("rk_secret")));
        assertFalse(f.admitsBroadcaster(new UserId("bob"), StreamKey.of("rk_wrong")));
        assertFalse(f.admitsBroadcaster(null, null));
        assertFalse(f.toString().contains("rk_secret"));
    }

    @Test
    void anUnknownIdIsRememberedAsUnknownForTheTtl() {
        exists = false;
        for (int i = 0; i < 100; i++) {
            now += 1_000_000;
            assertThrows(StreamNotFoundException.class, () -> cache.get(id));
        }
        assertEquals(1, loads.get(), "a scan of made-up ids costs one read per id and TTL");
        now += StreamFactsCache.TTL_NANOS;
        exists = true;
        assertEquals(StreamStatus.LIVE, cache.get(id).status(), "a stream created since is found after the TTL");
        assertEquals(2, loads.get());
    }
}
