package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.repository.LeadRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Retention policy {@code expired-leads}: a lead that was not converted and not touched (no change to it or its
 * follow-ups) for {@code opencdp.profile.leads.expire-after} is erased as an erasure request would erase it: its
 * row and follow-ups deleted, then its key destroyed (a tombstone, so backups become unreadable and no late write
 * can bring it back). Leads whose processing is restricted (Art. 18) are kept: the subject asked for their data to
 * stay. Each lead goes in a transaction of its own, and is checked again inside it, so one touched meanwhile stays.
 */
@ApplicationScoped
public class LeadExpiry {

    public static final String POLICY = "expired-leads";
    static final String ACTOR = "system:lead-expiry";
    private static final Logger LOG = Logger.getLogger(LeadExpiry.class);

    @Inject
    LeadRepository leads;

    @Inject
    SalesSubjectData salesData;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    SubjectKeyVault keys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.profile.leads.expire-after")
    Period expireAfter;

    void checkSetting(@Observes StartupEvent start) {
        if (expireAfter.isZero() || expireAfter.isNegative()) {
            throw new IllegalStateException("opencdp.profile.leads.expire-after must be a positive ISO-8601 period, "
                    + "such as P12M; it is " + expireAfter);
        }
    }

    @Scheduled(
            identity = "lead-expiry",
            cron = "{opencdp.profile.leads.expiry-cron}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int expired = expire(cutoff(), false);
            if (expired > 0) {
                LOG.infof("Retention policy %s erased %d leads untouched since %s", POLICY, expired, cutoff());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Expiring leads stopped this round: %s", e.getClass().getName());
        }
    }

    /** Leads untouched since before this instant expire: now minus the configured period. */
    public Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(expireAfter).toInstant();
    }

    /**
     * Erases every lead not converted and untouched since before {@code cutoff}, restricted ones left out; with
     * {@code dryRun} only counts them. Returns how many were (or would be) erased.
     */
    public int expire(Instant cutoff, boolean dryRun) {
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> untouched = leads.untouchedSince(cutoff);
            Set<UUID> restricted = restrictions.restrictedAmong(untouched);
            return untouched.stream().filter(id -> !restricted.contains(id)).toList();
        });
        if (dryRun) {
            return candidates.size();
        }
        int expired = 0;
        for (UUID id : candidates) {
            if (QuarkusTransaction.requiringNew().call(() -> eraseIfStillExpired(id, cutoff))) {
                // After the rows' deletion committed, as for an erasure request (libs/subject-rights).
                keys.destroy(id);
                LOG.infof("Lead %s expired under retention policy %s: erased, key destroyed", id, POLICY);
                expired++;
            }
        }
        return expired;
    }

    private boolean eraseIfStillExpired(UUID id, Instant cutoff) {
        boolean expired = leads.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(lead -> lead.convertedAt == null && lead.lastTouchedAt.isBefore(cutoff))
                .isPresent();
        if (!expired || restrictions.isRestricted(id)) {
            return false;
        }
        salesData.erase(id);
        audit.recordAs(ACTOR, Caller.Kind.SERVICE, id, "lead.expire", "retention policy " + POLICY);
        return true;
    }
}
