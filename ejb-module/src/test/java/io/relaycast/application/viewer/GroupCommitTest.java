package io.relaycast.application.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.viewer.GroupCommit.Outcome;
import io.relaycast.domain.model.stream.StreamStateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService drainer = Executors.newSingleThreadExecutor();
    private final ExecutorService callers = Executors.newFixedThreadPool(64);
    private final List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        drainer.shutdownNow();
        callers.shutdownNow();
    }

    /** A "transaction" that takes 20 ms and answers each change with its square; 13 breaks a rule. */
    private List<Outcome<Integer>> write(List<Integer> changes) {
        transactions.add(List.copyOf(changes));
        sleep(20);
        return changes.stream().map(c -> c == 13
                ? Outcome.<Integer>failed(new StreamStateException("thirteen", null)) : Outcome.of(c * c)).toList();
    }

    @Test
    void aStormIsWrittenInFewTransactionsAndEveryCallerGetsItsOwnAnswer() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(this::write, drainer, 500, 0, 10_000);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i == 13 ? 14 : i;
            answers.add(callers.submit(() -> commit.submit(n)));
        }
        for (int i = 0; i < 300; i++) {
            int n = i == 13 ? 14 : i;
            assertEquals(n * n, answers.get(i).get());
        }
        assertEquals(300, transactions.stream().mapToInt(List::size).sum());
        assertTrue(transactions.size() < 60, "300 changes in " + transactions.size() + " transactions");
    }

    @Test
    void aBrokenRuleFailsOnlyItsOwnChange() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(this::write, drainer, 500, 0, 10_000);
        Future<Integer> before = callers.submit(() -> commit.submit(12));
        Future<Integer> broken = callers.submit(() -> commit.submit(13));
        Future<Integer> after = callers.submit(() -> commit.submit(14));
        assertEquals(144, before.get());
        assertEquals(196, after.get());
        Exception e = assertThrows(Exception.class, broken::get);
        assertTrue(e.getCause() instanceof StreamStateException, String.valueOf(e.getCause()));
    }

    @Test
    void aFailedTransactionIsRetriedChangeByChange() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(changes -> {
            transactions.add(List.copyOf(changes));
            sleep(20);
            if (changes.contains(-1)) {
                throw new IllegalStateException("constraint violated"); // spoils the whole transaction
            }
            return changes.stream().map(c -> Outcome.of(c + 1)).toList();
        }, drainer, 500, 0, 10_000);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i == 10 ? -1 : i;
            answers.add(callers.submit(() -> commit.submit(n)));
        }
        for (int i = 0; i < 20; i++) {
            if (i == 10) {
                Future<Integer> bad = answers.get(i);
                Exception e = assertThrows(Exception.class, bad::get);
                assertTrue(e.getCause() instanceof IllegalStateException);
            } else {
                assertEquals(i + 1, answers.get(i).get());
            }
        }
    }

    @Test
    void aStormLingersForLargerBatches() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(this::write, drainer, 500, 30, 10_000);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i == 13 ? 14 : i;
            answers.add(callers.submit(() -> commit.submit(n)));
            if (i % 10 == 9) {
                Thread.sleep(5); // arriving over ~100 ms, as handshakes do
            }
        }
        for (Future<Integer> f : answers) {
            f.get();
        }
        assertTrue(transactions.size() <= 8, "200 changes in " + transactions.size() + " transactions");
    }

    @Test
    void aChangeOnItsOwnIsNotDelayed() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(c -> c.stream().map(Outcome::of).toList(),
                drainer, 500, 5_000, 10_000);
        long start = System.nanoTime();
        assertEquals(7, commit.submit(7));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "a lone change waited for the linger");
    }

    @Test
    void batchesAreCapped() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(this::write, drainer, 5, 0, 10_000);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i == 13 ? 14 : i;
            answers.add(callers.submit(() -> commit.submit(n)));
        }
        answers.forEach(f -> {
            try {
                f.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        for (List<Integer> t : transactions) {
            assertTrue(t.size() <= 5, "batch of " + t.size());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
