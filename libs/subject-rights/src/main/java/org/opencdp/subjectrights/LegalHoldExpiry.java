package org.opencdp.subjectrights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.subjectrights.SubjectRestrictions.Basis;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Finishes an erasure whose records a law kept: once the legal hold's date has passed, the subject's key is
 * destroyed (a tombstone takes its place), so the kept records, in the database and in every backup, can no longer
 * be read, and the hold is lifted. The kept rows themselves, now unreadable ciphertext under a subject id, go with
 * the service's retention purge. Destroying first and lifting after means a run that fails halfway is simply
 * repeated by the next one (both steps are idempotent).
 */
@ApplicationScoped
public class LegalHoldExpiry {

    static final String ACTOR = "system:legal-hold-expiry";
    private static final Logger LOG = Logger.getLogger(LegalHoldExpiry.class);

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    SubjectKeyVault keys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "legal-hold-expiry",
            every = "{opencdp.subject-rights.legal-hold-check-interval}",
            delayed = "1m",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            endExpiredHolds();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Ending expired legal holds stopped this round: %s",
                    e.getClass().getName());
        }
    }

    /** Ends every hold whose last day is before today; returns how many. */
    public int endExpiredHolds() {
        return endHoldsEndedBefore(LocalDate.now(clock));
    }

    /**
     * Ends every hold whose last day is before {@code day}. A purge run calls it with its own {@code asOf}, so the
     * holds end together with the held records it deletes, also when a test or the local run moves the clock.
     */
    public int endHoldsEndedBefore(LocalDate day) {
        int ended = 0;
        for (UUID subjectId : restrictions.legalHoldsEndedBefore(day)) {
            keys.destroy(subjectId);
            QuarkusTransaction.requiringNew().run(() -> {
                restrictions.lift(subjectId, Basis.LEGAL_HOLD);
                audit.recordAs(
                        ACTOR, Caller.Kind.SERVICE, subjectId, "subject.erase", "legal hold ended: key destroyed");
            });
            LOG.infof("Legal hold of subject %s ended: its key is destroyed", subjectId);
            ended++;
        }
        return ended;
    }
}
