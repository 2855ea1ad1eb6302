package org.opencdp.profile.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.repository.TicketRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.RetentionCategory;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The retention category {@code unmatched-tickets}: a ticket still in the inbox whose latest delivery was before the
 * cutoff is deleted with its articles, then its own key destroyed (a tombstone: backups become unreadable). Each
 * ticket goes in a transaction of its own and is checked again inside it, so one assigned or delivered meanwhile
 * stays. The period comes from retention-service's policy (shipped: 90 days).
 */
@ApplicationScoped
public class UnmatchedTicketRetention implements RetentionCategory {

    static final String ACTOR = "system:retention-purge";
    private static final Logger LOG = Logger.getLogger(UnmatchedTicketRetention.class);

    @Inject
    TicketRepository tickets;

    @Inject
    SubjectKeyVault keys;

    @Inject
    AuditTrail audit;

    @Override
    public String name() {
        return RetentionCategories.UNMATCHED_TICKETS;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return candidates(cutoff.before()).size();
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        long deleted = 0;
        for (UUID id : candidates(cutoff.before())) {
            if (QuarkusTransaction.requiringNew().call(() -> deleteIfStillExpired(id, cutoff.before()))) {
                // After the rows' deletion committed, as for an erasure.
                keys.destroy(id);
                LOG.infof("Unmatched ticket %s expired under retention policy %s: deleted, key destroyed", id, name());
                deleted++;
            }
        }
        return deleted;
    }

    private List<UUID> candidates(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> tickets.inboxIdsLastReceivedBefore(before));
    }

    private boolean deleteIfStillExpired(UUID id, Instant before) {
        if (tickets.inboxTicketLastReceivedBefore(id, before).isEmpty()) {
            return false;
        }
        tickets.delete(id);
        audit.recordAs(ACTOR, Caller.Kind.SERVICE, id, "ticket-inbox.expire", "retention policy " + name());
        return true;
    }
}
