package org.opencdp.consent.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Natural batching ("group commit") of queries answered by one statement: the queries that arrive while the
 * statements in flight run wait in a queue, and the next statement answers all of them at once (at most
 * {@code maxBatch}). No timer and no added wait: a query that finds fewer than {@code maxInFlight} statements running
 * starts one at once; under load one statement serves many queries, so what a statement costs beside its rows (the
 * round trip, the server's executor start, the hand-offs between threads) is paid once per batch.
 *
 * <p>A batch is taken from the queue before its statement starts, and a query joins the queue when it arrives: so
 * every statement starts after every query it answers arrived. A statement that fails, or answers a batch with the
 * wrong number of answers, fails the queries of that batch and no other.
 */
final class Coalescer<Q, A> {

    private record Waiting<Q, A>(Q query, CompletableFuture<A> answer) {}

    private final Function<List<Q>, List<A>> statement;
    private final Executor executor;
    private final int maxInFlight;
    private final int maxBatch;

    /** Guards itself and {@link #inFlight}. */
    private final ArrayDeque<Waiting<Q, A>> queue = new ArrayDeque<>();

    private int inFlight;

    /**
     * @param statement answers a batch of queries, one answer per query in their order
     * @param executor where the statements run: one task per statement in flight, which loops while queries wait
     */
    Coalescer(Function<List<Q>, List<A>> statement, Executor executor, int maxInFlight, int maxBatch) {
        this.statement = statement;
        this.executor = executor;
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
    }

    /** The answer to one query, from the next statement that starts. */
    CompletableFuture<A> submit(Q query) {
        Waiting<Q, A> waiting = new Waiting<>(query, new CompletableFuture<>());
        boolean start;
        synchronized (queue) {
            queue.add(waiting);
            start = inFlight < maxInFlight;
            if (start) {
                inFlight++;
            }
        }
        if (start) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                refuseAll(e);
            }
        }
        return waiting.answer();
    }

    /** Runs statements while queries wait; ends, giving its place up, when the queue is empty. */
    private void drain() {
        for (List<Waiting<Q, A>> batch = next(); batch != null; batch = next()) {
            answer(batch);
        }
    }

    private List<Waiting<Q, A>> next() {
        synchronized (queue) {
            if (queue.isEmpty()) {
                inFlight--;
                return null;
            }
            List<Waiting<Q, A>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
            return batch;
        }
    }

    private void answer(List<Waiting<Q, A>> batch) {
        List<A> answers;
        try {
            answers = statement.apply(batch.stream().map(Waiting::query).toList());
            if (answers.size() != batch.size()) {
                throw new IllegalStateException(answers.size() + " answers to a batch of " + batch.size() + " queries");
            }
        } catch (Throwable e) { // every query of the batch gets the failure, and the next batch still runs
            batch.forEach(waiting -> waiting.answer().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(answers.get(i));
        }
    }

    /** The executor refused (it is shut down): nothing queued would ever be answered, so all of it fails. */
    private void refuseAll(RejectedExecutionException e) {
        List<Waiting<Q, A>> refused;
        synchronized (queue) {
            inFlight--;
            refused = new ArrayList<>(queue);
            queue.clear();
        }
        refused.forEach(waiting -> waiting.answer().completeExceptionally(e));
    }
}
