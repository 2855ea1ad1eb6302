package org.opencdp.consent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coalescer's logic with a statement that answers each number with its negative: which queries a statement
 * answers, in which order, what fails with a failing statement, and that no query is lost. The first statement is
 * held on a latch where a test needs queries to pile up behind it; nothing depends on timing.
 */
class CoalescerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<List<Integer>> statements = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Records each batch; the first statement waits until the test releases it. */
    private List<Integer> negate(List<Integer> batch) {
        statements.add(batch);
        if (statements.size() == 1) {
            firstStarted.countDown();
            await(releaseFirst);
        }
        return batch.stream().map(q -> -q).toList();
    }

    private Coalescer<Integer, Integer> coalescer(Function<List<Integer>, List<Integer>> statement, int maxBatch) {
        return new Coalescer<>(statement, executor, 1, maxBatch);
    }

    @Test
    void aLoneQueryIsAnsweredAtOnceByAStatementOfItsOwn() throws Exception {
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(
                batch -> {
                    statements.add(batch);
                    return batch.stream().map(q -> -q).toList();
                },
                executor,
                2,
                1_000);
        assertThat(coalescer.submit(7).get(10, TimeUnit.SECONDS)).isEqualTo(-7);
        assertThat(coalescer.submit(8).get(10, TimeUnit.SECONDS)).isEqualTo(-8);
        assertThat(statements).containsExactly(List.of(7), List.of(8));
    }

    @Test
    void queriesThatArriveWhileAStatementRunsAreAnsweredTogetherByTheNextInTheirOrder() throws Exception {
        Coalescer<Integer, Integer> coalescer = coalescer(this::negate, 1_000);
        CompletableFuture<Integer> first = coalescer.submit(1);
        await(firstStarted);
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int q = 2; q <= 6; q++) {
            waiting.add(coalescer.submit(q));
        }
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(-(i + 2));
        }
        assertThat(statements).containsExactly(List.of(1), List.of(2, 3, 4, 5, 6));
    }

    @Test
    void aStatementTakesAtMostMaxBatchQueries() throws Exception {
        Coalescer<Integer, Integer> coalescer = coalescer(this::negate, 2);
        coalescer.submit(1);
        await(firstStarted);
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int q = 2; q <= 6; q++) {
            waiting.add(coalescer.submit(q));
        }
        releaseFirst.countDown();

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(statements).containsExactly(List.of(1), List.of(2, 3), List.of(4, 5), List.of(6));
    }

    @Test
    void aFailingStatementFailsTheQueriesOfItsBatchOnlyWithItsOwnException() throws Exception {
        IllegalStateException broken = new IllegalStateException("consent database: 08006");
        Coalescer<Integer, Integer> coalescer = coalescer(
                batch -> {
                    List<Integer> answers = negate(batch);
                    if (batch.contains(3)) {
                        throw broken;
                    }
                    return answers;
                },
                1_000);
        CompletableFuture<Integer> first = coalescer.submit(1);
        await(firstStarted);
        CompletableFuture<Integer> second = coalescer.submit(2);
        CompletableFuture<Integer> third = coalescer.submit(3);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        for (CompletableFuture<Integer> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isSameAs(broken);
        }
        // The coalescer goes on after a failure.
        assertThat(coalescer.submit(4).get(10, TimeUnit.SECONDS)).isEqualTo(-4);
    }

    @Test
    void aStatementWithTheWrongNumberOfAnswersFailsItsBatch() {
        Coalescer<Integer, Integer> coalescer = coalescer(batch -> List.of(), 1_000);
        assertThatThrownBy(() -> coalescer.submit(1).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("0 answers to a batch of 1 queries");
    }

    @Test
    void noQueryIsLostAndNoMoreStatementsRunThanAllowed() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(
                batch -> {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    statements.add(batch);
                    running.decrementAndGet();
                    return batch.stream().map(q -> -q).toList();
                },
                executor,
                2,
                50);
        int callers = 8;
        int each = 2_000;
        ExecutorService submitters = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<List<CompletableFuture<Integer>>>> submitted = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int from = c * each;
                submitted.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<CompletableFuture<Integer>> answers = new ArrayList<>();
                            for (int q = from; q < from + each; q++) {
                                answers.add(coalescer.submit(q));
                            }
                            return answers;
                        },
                        submitters));
            }
            for (int c = 0; c < callers; c++) {
                List<CompletableFuture<Integer>> answers = submitted.get(c).get(30, TimeUnit.SECONDS);
                for (int i = 0; i < each; i++) {
                    assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(-(c * each + i));
                }
            }
        } finally {
            submitters.shutdownNow();
        }
        List<Integer> answered =
                statements.stream().flatMap(List::stream).sorted().toList();
        assertThat(answered).hasSize(callers * each).doesNotHaveDuplicates();
        assertThat(statements).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 50));
        assertThat(mostRunning.get()).isBetween(1, 2);
    }

    @Test
    void aQueryTheExecutorRefusesFailsAtOnce() {
        executor.shutdown();
        Coalescer<Integer, Integer> coalescer = coalescer(this::negate, 1_000);
        assertThatThrownBy(() -> coalescer.submit(1).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 10 s for the test's latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
