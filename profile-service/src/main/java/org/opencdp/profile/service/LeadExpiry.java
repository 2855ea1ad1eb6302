package org.opencdp.profile.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.repository.LeadRepository;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectRestrictions;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Retention policy {@code expired-leads}: a lead that was not converted and not touched (no change to it or its
 * follow-ups) since the cutoff is erased as an erasure request would erase it: its row and follow-ups deleted, then
 * its key destroyed (a tombstone, so backups become unreadable and no late write can bring it back). Leads whose
 * processing is restricted (Art. 18) are kept: the subject asked for their data to stay. Each lead goes in a
 * transaction of its own, and is checked again inside it, so one touched meanwhile stays. The retention purge calls
 * it ({@link ExpiredLeadRetention}) with the cutoff of retention-service's policy.
 */
@ApplicationScoped
public class LeadExpiry {

    public static final String POLICY = RetentionCategories.EXPIRED_LEADS;
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
        boolean expired = leads.findLocked(id)
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
