package org.opencdp.subjectrights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Carries out a purge run in this service: for each policy of a category the service holds, the {@link Cutoff} from
 * the policy, then the count and (unless a dry run) the deletion by the category's bean. The report is stored by run
 * id and the run recorded in the audit trail under the run id (the trail's subject is the run: no person is named).
 */
@ApplicationScoped
public class RetentionPurge {

    static final Period LONGEST = Period.ofYears(100);
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    @Inject
    Instance<RetentionCategory> categories;

    @Inject
    RetentionPurgeReports reports;

    @Inject
    PurgeLock lock;

    @Inject
    AuditTrail audit;

    @Inject
    LegalHoldExpiry legalHolds;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** The retention categories this service holds, by name. */
    public List<String> heldCategories() {
        return List.copyOf(held().keySet());
    }

    /**
     * Purges (or, in a dry run, counts) every expired record of the categories held here; a run id already answered
     * gets its stored report. Bad policies are refused before anything is counted or deleted. One run at a time
     * ({@link PurgeLock}): a second one waits until the first is done.
     */
    public RetentionPurgeReport purge(UUID runId, boolean dryRun, Instant asOf, List<RetentionPolicy> policies) {
        requireValid(policies);
        return lock.holding(() -> purgeAlone(runId, dryRun, asOf, policies));
    }

    private RetentionPurgeReport purgeAlone(UUID runId, boolean dryRun, Instant asOf, List<RetentionPolicy> policies) {
        var stored = reports.of(runId);
        if (stored.isPresent()) {
            return stored.get();
        }
        Instant at = asOf != null ? asOf : clock.instant();
        Map<String, RetentionCategory> held = held();
        List<CategoryPurge> purged = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (RetentionPolicy policy : policies) {
            RetentionCategory category = held.get(policy.category());
            if (category == null) {
                notHeld.add(policy.category());
                continue;
            }
            Cutoff cutoff = Cutoff.of(at, policy.period(), policy.roundToEndOfYear());
            RetentionCategory.Counts counts = category.purge(cutoff, dryRun);
            LOG.infof(
                    "Retention run %s, %s (policy v%d, start before %s): %d expired, %d deleted, %d skipped",
                    runId,
                    policy.category(),
                    policy.version(),
                    cutoff.before(),
                    counts.expired(),
                    counts.deleted(),
                    counts.skipped());
            purged.add(new CategoryPurge(
                    policy.category(), policy.version(), counts.expired(), counts.deleted(), counts.skipped()));
        }
        if (!dryRun) {
            // The held records whose period ended are gone now; their holds end with them, not at the next hourly
            // round of LegalHoldExpiry (and by the run's own date when the clock is moved).
            int ended = legalHolds.endHoldsEndedBefore(LocalDate.ofInstant(at, ZoneOffset.UTC));
            LOG.infof("Retention run %s: %d legal holds ended", runId, ended);
        }
        var report = new RetentionPurgeReport(service, runId, dryRun, at, List.copyOf(purged), List.copyOf(notHeld));
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.record(runId, dryRun ? "retention.purge-preview" : "retention.purge", "retention policy run");
            return reports.keep(report);
        });
    }

    private Map<String, RetentionCategory> held() {
        Map<String, RetentionCategory> byName = new TreeMap<>();
        for (RetentionCategory category : categories) {
            if (byName.put(category.name(), category) != null) {
                throw new IllegalStateException("two beans hold the retention category " + category.name());
            }
        }
        return byName;
    }

    /** Periods must be positive and sensible, and each category come once (two policies would contradict). */
    static void requireValid(List<RetentionPolicy> policies) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            RetentionPolicy policy = policies.get(i);
            Period period = policy.period();
            LocalDate from = LocalDate.of(2000, 1, 1);
            if (period.isNegative() || period.isZero()) {
                errors.add(new Problem.FieldError(
                        "policies[" + i + "].period", "must be positive, with no negative part"));
            } else if (from.plus(period).isAfter(from.plus(LONGEST))) {
                errors.add(new Problem.FieldError("policies[" + i + "].period", "must be at most " + LONGEST));
            }
            if (!seen.add(policy.category())) {
                errors.add(new Problem.FieldError("policies[" + i + "].category", "appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }
}
