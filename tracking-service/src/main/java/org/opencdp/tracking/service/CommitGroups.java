package org.opencdp.tracking.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit of batches: the batches that arrive while others are being written are written together, in one
 * transaction, by the first of their threads to find a writer's place free; each thread then returns its own batch's
 * answer. A group's transaction costs PostgreSQL one commit (one WAL flush), one revocation lock and one statement of
 * each kind for all its batches instead of one per batch, and no batch waits for a timer: a batch that finds a
 * writer's place free is written at once (alone when it is the only one waiting).
 *
 * <p>Nothing is answered before its group committed, so every accepted event is stored when it is acknowledged. If
 * writing a group fails, each of its batches is written again alone, so that one batch's fault (a value the database
 * refuses) fails only that batch's request.
 *
 * <p>Why not consent-service's {@code Coalescer}, which groups decision queries the same way: that one serves
 * non-blocking requests (futures completed by an executor of its own) and fails a whole batch with its statement,
 * which is right for reads. Here the requests are blocking (the body's checks already run on a worker thread, which
 * then writes the group itself: no further hand-off), and a write must not fail a batch for another batch's fault.
 *
 * @param <B> a batch
 * @param <R> the answer for one batch
 */
final class CommitGroups<B, R> {

    /** Writes batches together in one transaction; answers in the batches' order. */
    private final Function<List<B>, List<R>> writeTogether;

    /** At most this many groups are written at the same time (each in a transaction of its own). */
    private final int writers;

    /** At most this many batches in one group, which bounds a statement's size. */
    private final int maxBatches;

    /** Batches waiting for a writer; guarded by this. */
    private final ArrayDeque<Pending<B, R>> waiting = new ArrayDeque<>();

    /** Groups being written now; guarded by this. */
    private int writing;

    CommitGroups(Function<List<B>, List<R>> writeTogether, int writers, int maxBatches) {
        if (writers < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("at least one writer and one batch per group");
        }
        this.writeTogether = writeTogether;
        this.writers = writers;
        this.maxBatches = maxBatches;
    }

    /** Writes the batch, with whatever others are waiting, and returns its answer once its group has committed. */
    R write(B batch) {
        Pending<B, R> mine = new Pending<>(batch);
        synchronized (this) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending<B, R>> group;
            synchronized (this) {
                while (!mine.done && (mine.taken || writing >= writers)) {
                    awaitChange(mine);
                }
                if (mine.done) {
                    return mine.answer();
                }
                group = takeGroup();
                writing++;
            }
            try {
                writeGroup(group);
            } finally {
                synchronized (this) {
                    writing--;
                    group.forEach(pending -> pending.done = true);
                    notifyAll();
                }
            }
        }
    }

    /** How many batches wait for a writer now. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** The oldest waiting batches, this thread's among them unless more than a group's worth came before it. */
    private List<Pending<B, R>> takeGroup() {
        List<Pending<B, R>> group = new ArrayList<>(Math.min(waiting.size(), maxBatches));
        while (!waiting.isEmpty() && group.size() < maxBatches) {
            Pending<B, R> next = waiting.poll();
            next.taken = true;
            group.add(next);
        }
        return group;
    }

    private void writeGroup(List<Pending<B, R>> group) {
        List<R> answers;
        try {
            answers = writeTogether.apply(group.stream().map(Pending::batch).toList());
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.getFirst().failure = e;
                return;
            }
            for (Pending<B, R> pending : group) {
                try {
                    pending.answer =
                            writeTogether.apply(List.of(pending.batch())).getFirst();
                } catch (RuntimeException | Error alone) {
                    pending.failure = alone;
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer = answers.get(i);
        }
    }

    /** Waits for a group to end; called holding the monitor. An interrupted batch not yet taken is not written. */
    private void awaitChange(Pending<B, R> mine) {
        try {
            wait();
        } catch (InterruptedException e) {
            if (!mine.taken) {
                waiting.remove(mine);
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch waited to be written", e);
        }
    }

    /** One batch on its way; its fields are guarded by the CommitGroups' monitor, or written by its group's writer. */
    private static final class Pending<B, R> {
        private final B batch;
        private boolean taken;
        private boolean done;
        private R answer;
        private Throwable failure;

        Pending(B batch) {
            this.batch = batch;
        }

        B batch() {
            return batch;
        }

        R answer() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return answer;
        }
    }
}
