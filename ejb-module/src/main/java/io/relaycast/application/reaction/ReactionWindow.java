package io.relaycast.application.reaction;

import io.relaycast.domain.model.reaction.Reaction;
import io.relaycast.domain.model.stream.StreamId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reactions counted per room until the next {@link #drain()}: every reaction is in exactly one
 * drain (a room's tally is locked while it counts or is read), none is lost or counted twice.
 */
final class ReactionWindow {

    private static final class Tally {
        final int[] counts = new int[Reaction.values().length];
        boolean retired;
    }

    private final Map<StreamId, Tally> rooms = new ConcurrentHashMap<>();

    void add(StreamId room, Reaction reaction) {
        while (true) {
            Tally t = rooms.computeIfAbsent(room, r -> new Tally());
            synchronized (t) {
                if (!t.retired) {
                    t.counts[reaction.ordinal()]++;
                    return;
                }
            }
        }
    }

    /** Each room's counts since the last drain; rooms that had none are left out (and forgotten). */
    Map<StreamId, EnumMap<Reaction, Integer>> drain() {
        Map<StreamId, EnumMap<Reaction, Integer>> out = new HashMap<>();
        for (Map.Entry<StreamId, Tally> e : rooms.entrySet()) {
            Tally t = e.getValue();
            EnumMap<Reaction, Integer> counts = new EnumMap<>(Reaction.class);
            synchronized (t) {
                for (Reaction r : Reaction.values()) {
                    if (t.counts[r.ordinal()] > 0) {
                        counts.put(r, t.counts[r.ordinal()]);
                        t.counts[r.ordinal()] = 0;
                    }
                }
                if (counts.isEmpty()) {
                    t.retired = true; // a quiet room: the next reaction starts a new tally
                    rooms.remove(e.getKey(), t);
                }
            }
            if (!counts.isEmpty()) {
                out.put(e.getKey(), counts);
            }
        }
        return out;
    }
}
