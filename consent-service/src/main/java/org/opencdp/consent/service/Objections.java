package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.Objection;
import org.opencdp.consent.domain.ProofReferences;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.Revocation;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.ProblemException;

/**
 * Objection (GDPR Art. 21): recorded in the ledger; from then on decisions deny every purpose resting on legitimate
 * interest and every direct-marketing purpose for the subject, and the subject's direct-marketing consents are
 * revoked with it (REVOKE entries and {@code consent.revoked}). Objecting again changes nothing.
 */
@ApplicationScoped
public class Objections {

    /** The lock key of the objection itself, so two objections of one subject at once record one entry. */
    private static final String OBJECTION_LOCK = "*objection";

    @Inject
    LedgerRepository ledger;

    @Inject
    PurposeCatalog catalog;

    @Inject
    ConsentLedger consents;

    @Inject
    ConsentEvents events;

    @Inject
    ConsentAudit audit;

    @Inject
    Clock clock;

    @Transactional
    public Objection object(UUID subjectId, Channel channel, String proofReference, RecordedBy by) {
        String problem = ProofReferences.problemWith(proofReference);
        if (problem != null) {
            throw ProblemException.invalidField("proofReference", problem);
        }
        Holder subject = Holder.subject(subjectId);
        if (ledger.isErased(subject)) {
            throw ProblemException.conflict("This subject's data was erased; there is nothing to object to.");
        }
        List<String> directMarketing = catalog.all().stream()
                .filter(p -> p.directMarketing() && p.needsConsent())
                .map(Purpose::id)
                .toList();
        List<String> locks = new ArrayList<>(directMarketing);
        locks.add(OBJECTION_LOCK);
        ledger.lock(subject, locks);
        Optional<UUID> earlier = ledger.objection(subjectId);
        if (earlier.isPresent()) {
            return new Objection(earlier.get(), false, List.of());
        }
        Instant now = Instant.now(clock);
        LedgerEntry entry = new LedgerEntry(
                TimeOrderedIds.next(),
                0,
                subject,
                ConsentAction.OBJECTION,
                null,
                null,
                null,
                null,
                channel,
                now,
                by,
                proofReference,
                null,
                null,
                null,
                null);
        long sequence = ledger.append(entry);
        ledger.recordObjection(subjectId, entry.id(), sequence);
        List<Revocation> revocations = consents.revokeLocked(subject, directMarketing, channel, proofReference, by);
        events.revoked(subject, revocations, now);
        audit.record(by, subjectId, "consent.object");
        return new Objection(
                entry.id(),
                true,
                revocations.stream().filter(Revocation::changed).toList());
    }
}
