package io.relaycast.application.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit: changes submitted by many threads at once are written by one drainer, as many as
 * are waiting in one transaction, and every caller returns only once the transaction holding its
 * change has committed. A join storm costs a handful of transactions instead of one per viewer,
 * and nothing is acknowledged before it is durable.
 *
 * @param <C> a change
 * @param <R> what the writer answers for one change
 */
public final class GroupCommit<C, R> {

    /** What the writer answers for one change: a result, or the rule it broke (only that change fails). */
    public record Outcome<R>(R value, RuntimeException failure) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }
    }

    private record Pending<C, R>(C change, CompletableFuture<R> result) {
    }

    private final Queue<Pending<C, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Function<List<C>, List<Outcome<R>>> writer;
    private final Executor executor;
    private final int maxBatch;
    private final long lingerMillis;
    private final long timeoutMillis;

    /**
     * @param writer  writes the changes in order in one transaction, one outcome per change; if it
     *                throws, each change of the batch is retried on its own
     * @param executor runs the drainer (a managed executor in the server)
     * @param lingerMillis how long a batch waits for more changes once several arrive together (a
     *                     storm): fewer, larger transactions; a change on its own is written at once
     */
    GroupCommit(Function<List<C>, List<Outcome<R>>> writer, Executor executor, int maxBatch, long lingerMillis,
                long timeoutMillis) {
        this.writer = writer;
        this.executor = executor;
        this.maxBatch = maxBatch;
        this.lingerMillis = lingerMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Queues the change; the stage completes on the writer's thread once the change is committed
     * (or with the writer's failure for it, or a timeout). Continuations that may wait for anything
     * must not run on that thread: use the async variants.
     */
    CompletableFuture<R> submitAsync(C change) {
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(change, result));
        kick();
        return result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Queues the change and waits until it is committed; the writer's failure for it is rethrown. */
    R submit(C change) {
        CompletableFuture<R> result = submitAsync(change);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("Database write not committed within " + timeoutMillis + " ms");
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database write", e);
        }
    }

    private void kick() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain(); // no thread to spare (shutting down): the caller writes
            }
        }
    }

    private void drain() {
        try {
            List<Pending<C, R>> batch;
            while (!(batch = take()).isEmpty()) {
                write(batch);
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            kick(); // a change queued after the last poll but before draining was cleared
        }
    }

    private List<Pending<C, R>> take() {
        List<Pending<C, R>> batch = new ArrayList<>();
        poll(batch);
        if (batch.size() > 1 && batch.size() < maxBatch && lingerMillis > 0) {
            // Changes are arriving together: a few more milliseconds gather many more of them, and
            // a commit costs far more than a row.
            try {
                Thread.sleep(lingerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poll(batch);
        }
        return batch;
    }

    private void poll(List<Pending<C, R>> batch) {
        Pending<C, R> p;
        while (batch.size() < maxBatch && (p = queue.poll()) != null) {
            batch.add(p);
        }
    }

    private void write(List<Pending<C, R>> batch) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = writer.apply(batch.stream().map(Pending::change).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One change spoilt the transaction for all: each is tried again alone.
            batch.forEach(p -> write(List.of(p)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> o = outcomes.get(i);
            if (o.failure() != null) {
                batch.get(i).result().completeExceptionally(o.failure());
            } else {
                batch.get(i).result().complete(o.value());
            }
        }
    }
}
