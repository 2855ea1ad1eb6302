package org.opencdp.consent.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.Decision;
import org.opencdp.consent.domain.DecisionQuery;
import org.opencdp.consent.repository.DecisionRepository;
import org.opencdp.problem.ProblemException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The hot path: may these purposes be pursued for these holders now? Always against the committed projection in the
 * primary (read-your-writes, no cache: with several replicas, a cache of one would not see a revocation recorded by
 * another; bench/README.md). A batch is one statement. Single decisions are coalesced ({@link Coalescer}): those that
 * arrive while {@link #STATEMENTS_IN_FLIGHT} decision statements run are decided together by the next one, with the
 * batch statement (a lone one with the single-pair statement, without arrays), so that under load a statement's cost
 * is paid once for many requests, and no request waits for a timer.
 *
 * <p>Read-your-writes holds for coalesced decisions too: a request joins the queue when it arrives, a statement takes
 * its batch from the queue before it starts, and each statement (autocommit, READ COMMITTED) reads what was committed
 * when it started. So every statement starts after every request it answers arrived, and a revocation acknowledged
 * (committed) before a decision request was sent, by this replica or any other, is seen by its decision.
 *
 * <p>Decisions are not written to the audit trail one by one: they are yes/no answers at thousands a second that
 * reveal no personal data beyond the pair asked about. {@code opencdp_consent_decision_seconds} times each request
 * inside the service, from the parsed request to the answer (for a single decision: its wait in the queue included),
 * for the benchmark's p99: besides Micrometer's default buckets (about 12 % apart), one every 0.05 ms from 0.25 to
 * 2 ms, so that the p99 read from the buckets is within 0.05 ms around its 1 ms target.
 */
@ApplicationScoped
public class Decisions {

    public static final int MAX_BATCH = 1_000;

    /**
     * Single-decision statements at once: two keep one statement's round trip and the next batch's overlapping on
     * two cores, and each connection of the pool they hold is one the rest of the service does not have.
     */
    static final int STATEMENTS_IN_FLIGHT = 2;

    private static final Duration FINE_BUCKET = Duration.ofNanos(50_000);

    private final DecisionRepository repository;
    private final Timer single;
    private final Timer batch;
    private final ExecutorService statements = Executors.newFixedThreadPool(
            STATEMENTS_IN_FLIGHT,
            Thread.ofPlatform().name("consent-decisions-", 1).daemon().factory());
    private final Coalescer<DecisionQuery, Decision> singles;

    @Inject
    Decisions(DecisionRepository repository, MeterRegistry metrics) {
        this.repository = repository;
        this.single = timer(metrics, "single");
        this.batch = timer(metrics, "batch");
        this.singles = new Coalescer<>(this::decideCoalesced, statements, STATEMENTS_IN_FLIGHT, MAX_BATCH);
    }

    /**
     * One pair, decided by the next decision statement that starts: never on the caller's thread, so an endpoint can
     * answer from the event loop. An unknown purpose fails this request only.
     */
    public CompletionStage<Decision> decide(DecisionQuery query) {
        long parsed = System.nanoTime();
        return singles.submit(query)
                .whenComplete((decision, failure) -> single.record(System.nanoTime() - parsed, TimeUnit.NANOSECONDS))
                .thenApply(decision -> {
                    if (decision == null) {
                        throw unknownPurposes(List.of(query.purposeId()));
                    }
                    return decision;
                });
    }

    /** Up to {@link #MAX_BATCH} queries, answered in their order; an unknown purpose refuses the whole batch. */
    public List<Decision> decideAll(List<DecisionQuery> queries) {
        if (queries.isEmpty() || queries.size() > MAX_BATCH) {
            throw ProblemException.badRequest("A batch holds 1 to " + MAX_BATCH + " pairs.");
        }
        return batch.record(() -> answer(queries));
    }

    /** One decision (null for an unknown purpose) per coalesced query, in their order. */
    private List<Decision> decideCoalesced(List<DecisionQuery> queries) {
        if (queries.size() == 1) {
            return Collections.singletonList(
                    repository.decide(queries.getFirst()).orElse(null));
        }
        return repository.decide(queries);
    }

    @PreDestroy
    void stop() {
        statements.shutdown();
    }

    private List<Decision> answer(List<DecisionQuery> queries) {
        List<Decision> decisions = repository.decide(queries);
        TreeSet<String> unknown = new TreeSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i) == null) {
                unknown.add(queries.get(i).purposeId());
            }
        }
        if (!unknown.isEmpty()) {
            throw unknownPurposes(unknown);
        }
        return new ArrayList<>(decisions);
    }

    private static ProblemException unknownPurposes(Collection<String> purposes) {
        return ProblemException.unprocessable("No purpose " + String.join(", ", purposes) + " in the catalog.");
    }

    private static Timer timer(MeterRegistry metrics, String kind) {
        Duration[] fine = IntStream.rangeClosed(5, 40)
                .mapToObj(k -> Duration.ofNanos(k * FINE_BUCKET.toNanos()))
                .toArray(Duration[]::new);
        return Timer.builder("opencdp.consent.decision")
                .description("Time to decide a request inside consent-service, from the parsed request to the answer")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .serviceLevelObjectives(fine)
                .register(metrics);
    }
}
