package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit: batches that arrive while a group is being written are written together by one writer, each caller
 * gets its own batch's answer, a failing group is written again batch by batch, and no more groups are written at
 * once than writers are allowed.
 */
class CommitGroupsTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void batchesArrivingWhileAGroupIsWrittenAreWrittenTogetherAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        CommitGroups<Integer, String> commits = new CommitGroups<>(
                batches -> {
                    groups.add(batches);
                    if (batches.contains(0)) {
                        firstStarted.countDown();
                        await(releaseFirst);
                    }
                    return batches.stream().map(b -> "answer " + b).toList();
                },
                1,
                20);

        Future<String> first = callers.submit(() -> commits.write(0));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int batch = i;
            others.add(callers.submit(() -> commits.write(batch)));
        }
        awaitWaiting(commits, 5);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("answer 0");
        for (int i = 1; i <= 5; i++) {
            assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo("answer " + i);
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly(0);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aGroupThatFailsIsWrittenAgainBatchByBatchSoOnlyTheFaultyBatchFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CommitGroups<Integer, String> commits = new CommitGroups<>(
                batches -> {
                    if (batches.contains(0)) {
                        firstStarted.countDown();
                        await(releaseFirst);
                    }
                    if (batches.contains(13)) {
                        throw new IllegalStateException("batch 13 is refused");
                    }
                    return batches.stream().map(b -> "answer " + b).toList();
                },
                1,
                20);
        Future<String> first = callers.submit(() -> commits.write(0));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> good = callers.submit(() -> commits.write(12));
        Future<String> bad = callers.submit(() -> commits.write(13));
        Future<String> goodToo = callers.submit(() -> commits.write(14));
        awaitWaiting(commits, 3);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("answer 0");
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("answer 12");
        assertThat(goodToo.get(10, TimeUnit.SECONDS)).isEqualTo("answer 14");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("batch 13 is refused");
    }

    @Test
    void noMoreGroupsAreWrittenAtOnceThanWritersAreAllowed() throws Exception {
        AtomicInteger writingNow = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CommitGroups<Integer, Integer> commits = new CommitGroups<>(
                batches -> {
                    mostAtOnce.accumulateAndGet(writingNow.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    writingNow.decrementAndGet();
                    return batches;
                },
                2,
                3);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int batch = i;
            answers.add(callers.submit(() -> commits.write(batch)));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(mostAtOnce.get()).isBetween(1, 2);
    }

    /** Until this many batches wait for a writer (the callers submitted above have reached the queue). */
    private static void awaitWaiting(CommitGroups<?, ?> commits, int batches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.waiting() < batches) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + commits.waiting() + " batches waiting");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
