package org.opencdp.retention.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.caller.Caller;
import org.opencdp.problem.ProblemException;
import org.opencdp.retention.domain.PurgeOutcome;
import org.opencdp.retention.domain.PurgeParticipant;
import org.opencdp.retention.domain.PurgeRun;
import org.opencdp.retention.domain.PurgeRunDetails;
import org.opencdp.retention.repository.PolicyRepository;
import org.opencdp.retention.repository.PurgeRunRepository;
import org.opencdp.retention.repository.PurgeRunRepository.StoredParticipant;
import org.opencdp.subjectrights.RetentionPolicy;
import org.opencdp.subjectrights.RetentionPurgeReport;
import org.opencdp.subjectrights.RetentionPurgeRequest;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Purge runs: every policy in force goes to every participant ({@code opencdp.subject-rights.participants}), which
 * deletes (or in a dry run counts) what has expired in its own data. The run, the policies and the cutoff are stored
 * before any call, so a participant that did not answer is asked again later ({@link #retry}) with exactly the same
 * order; the run id is its idempotency key, so nothing is deleted twice or reported differently.
 */
@ApplicationScoped
public class PurgeRuns {

    private static final Logger LOG = Logger.getLogger(PurgeRuns.class);
    private static final TypeReference<List<RetentionPolicy>> POLICIES = new TypeReference<>() {};
    /**
     * A run without an outcome this long after its start was left by a retention-service that stopped during its
     * calls (a run's calls take minutes at most: each participant's call times out after seconds).
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    @Inject
    PolicyRepository policies;

    @Inject
    PurgeRunRepository runs;

    @Inject
    SubjectRightsParticipants participants;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    /**
     * Whether a real run may be given a cutoff other than now (tests and the local run move the clock this way). A
     * dry run deletes nothing, so it may always preview a date.
     */
    @ConfigProperty(name = "opencdp.retention.purge.allow-as-of")
    boolean allowAsOf;

    /** Partial runs younger than this are retried by the schedule; older ones are left to the next daily run. */
    @ConfigProperty(name = "opencdp.retention.purge.retry-within")
    Duration retryWithin;

    private final Map<PurgeOutcome, Counter> counters = new EnumMap<>(PurgeOutcome.class);

    void onStart(@Observes StartupEvent started) {
        for (PurgeOutcome outcome : PurgeOutcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("opencdp.purge.runs")
                            .description("Purge run attempts by outcome: complete (every participant answered) "
                                    + "or partial")
                            .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                            .register(metrics));
        }
    }

    /** A run the dpo starts; {@code asOf} null means now. */
    public PurgeRunDetails start(boolean dryRun, Instant asOf) {
        if (asOf != null && !dryRun && !allowAsOf) {
            throw ProblemException.invalidField(
                    "asOf", "is accepted for dry runs only here; a real run purges as of now");
        }
        Instant now = Instant.now(clock);
        var run = new PurgeRun(
                UUID.randomUUID(), dryRun, asOf == null ? now : asOf, caller.name(), now, null, null, null);
        store(run);
        return carryOut(run.id());
    }

    /** The daily run; false when another replica ran today's already. */
    public boolean startScheduled(boolean dryRun, LocalDate day) {
        Instant now = Instant.now(clock);
        var run = new PurgeRun(UUID.randomUUID(), dryRun, now, "system:purge-schedule", now, day, null, null);
        if (!store(run)) {
            return false;
        }
        carryOut(run.id());
        return true;
    }

    /**
     * Asks the participants of a partial run that did not answer again, with the run's own order; also a run that
     * never finished because retention-service stopped during its calls ({@link #ABANDONED_AFTER}).
     */
    public PurgeRunDetails retry(UUID id) {
        PurgeRun run = QuarkusTransaction.requiringNew()
                .call(() -> runs.find(id).orElseThrow(() -> ProblemException.notFound("No purge run " + id + ".")));
        if (run.outcome() == PurgeOutcome.COMPLETE) {
            throw ProblemException.conflict("The run is complete; only a partial run is retried.");
        }
        if (run.outcome() == null && run.startedAt().isAfter(Instant.now(clock).minus(ABANDONED_AFTER))) {
            throw ProblemException.conflict("The run is still running.");
        }
        return carryOut(id);
    }

    /** The partial and abandoned runs of the last {@code retry-within}, retried by the schedule before its new run. */
    public void retryRecentRuns() {
        Instant now = Instant.now(clock);
        for (UUID id : QuarkusTransaction.requiringNew()
                .call(() -> runs.toRetry(now.minus(retryWithin), now.minus(ABANDONED_AFTER)))) {
            carryOut(id);
        }
    }

    public List<PurgeRun> list(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> runs.list(limit));
    }

    public PurgeRunDetails details(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PurgeRun run = runs.find(id).orElseThrow(() -> ProblemException.notFound("No purge run " + id + "."));
            List<PurgeParticipant> parts =
                    runs.participants(id).stream().map(this::participant).toList();
            return new PurgeRunDetails(run, read(runs.policies(id), POLICIES), parts);
        });
    }

    private boolean store(PurgeRun run) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RetentionPolicy> sent = policies.current().stream()
                    .map(p -> new RetentionPolicy(
                            p.category(), p.version(), p.period(), p.startEvent(), p.roundToEndOfYear()))
                    .toList();
            return runs.insert(run, write(sent), participants.names());
        });
    }

    /** Calls every participant of the run that has not answered yet, outside any transaction, and stores each answer. */
    private PurgeRunDetails carryOut(UUID id) {
        PurgeRunDetails before = details(id);
        PurgeRun run = before.run();
        var order = new RetentionPurgeRequest(run.id(), run.dryRun(), run.asOf(), before.policies());
        for (PurgeParticipant p : before.participants()) {
            if (p.status() == PurgeParticipant.PurgeStatus.ANSWERED) {
                continue;
            }
            ParticipantAnswer<RetentionPurgeReport> answer = participants.purge(p.participant(), order);
            Instant at = Instant.now(clock);
            QuarkusTransaction.requiringNew().run(() -> {
                if (answer.answered()) {
                    runs.answered(id, p.participant(), write(answer.result()), at);
                } else {
                    runs.failed(id, p.participant(), answer.error());
                }
            });
        }
        PurgeOutcome outcome = QuarkusTransaction.requiringNew().call(() -> runs.finish(id, Instant.now(clock)));
        counters.get(outcome).increment();
        LOG.infof("Purge run %s (dry run: %s): %s", id, run.dryRun(), outcome);
        return details(id);
    }

    private PurgeParticipant participant(StoredParticipant row) {
        return new PurgeParticipant(
                row.participant(),
                PurgeParticipant.PurgeStatus.valueOf(row.status()),
                row.attempts(),
                row.lastError(),
                row.report() == null ? null : read(row.report(), new TypeReference<RetentionPurgeReport>() {}),
                row.answeredAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a purge order or report cannot be stored", e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored purge order or report is not readable", e);
        }
    }
}
