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
import org.opencdp.consent.domain.ObjectionWithdrawal;
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
 *
 * <p>A withdrawal of the objection is a ledger entry too: legitimate interest applies again, but the consents the
 * objection revoked stay revoked, since a withdrawn objection is not a consent; the person grants anew.
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
        requireCleanReference(proofReference);
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
        LedgerEntry entry = entry(subject, ConsentAction.OBJECTION, channel, now, by, proofReference, null);
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

    /**
     * Ends the subject's objection with an OBJECTION_WITHDRAWN entry pointing to it. Withdrawing when no objection is
     * in force records nothing (idempotent, like revoking what was never granted).
     */
    @Transactional
    public ObjectionWithdrawal withdraw(UUID subjectId, Channel channel, String proofReference, RecordedBy by) {
        requireCleanReference(proofReference);
        Holder subject = Holder.subject(subjectId);
        if (ledger.isErased(subject)) {
            throw ProblemException.conflict("This subject's data was erased; there is no objection to withdraw.");
        }
        ledger.lock(subject, List.of(OBJECTION_LOCK));
        Optional<UUID> objection = ledger.objection(subjectId);
        if (objection.isEmpty()) {
            return ObjectionWithdrawal.none();
        }
        LedgerEntry entry = entry(
                subject,
                ConsentAction.OBJECTION_WITHDRAWN,
                channel,
                Instant.now(clock),
                by,
                proofReference,
                objection.get());
        ledger.append(entry);
        ledger.removeObjection(subjectId);
        audit.record(by, subjectId, "consent.withdraw-objection");
        return new ObjectionWithdrawal(entry.id(), objection.get(), true);
    }

    private static LedgerEntry entry(
            Holder subject,
            ConsentAction action,
            Channel channel,
            Instant at,
            RecordedBy by,
            String proofReference,
            UUID refersTo) {
        return new LedgerEntry(
                TimeOrderedIds.next(),
                0,
                subject,
                action,
                null,
                null,
                null,
                null,
                channel,
                at,
                by,
                proofReference,
                refersTo,
                null,
                null,
                null);
    }

    private static void requireCleanReference(String proofReference) {
        String problem = ProofReferences.problemWith(proofReference);
        if (problem != null) {
            throw ProblemException.invalidField("proofReference", problem);
        }
    }
}
