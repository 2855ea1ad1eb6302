package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.ConsentState;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.Revocation;
import org.opencdp.consent.domain.VisitorLink;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.ProblemException;

/**
 * Links a visitor to the subject it turned out to be. A LINK entry records it; then, for each purpose the visitor
 * granted or revoked, the subject gets an entry of the same kind that points to the visitor's ({@code linkedFrom}),
 * so the proof (text version and hash, time, channel, confirmation) stays where it was recorded. A subject's own
 * entry that is newer than the visitor's wins and is left alone; a pending double opt-in stays with the visitor
 * (its token confirms the visitor's entry). A visitor belongs to one subject only.
 */
@ApplicationScoped
public class VisitorLinks {

    private static final String LINK_LOCK = "*link";

    @Inject
    LedgerRepository ledger;

    @Inject
    ConsentEvents events;

    @Inject
    ConsentAudit audit;

    @Inject
    Clock clock;

    @Transactional
    public VisitorLink link(Holder visitor, UUID subjectId, RecordedBy by) {
        Holder subject = Holder.subject(subjectId);
        if (ledger.isErased(visitor) || ledger.isErased(subject)) {
            throw ProblemException.conflict("The visitor's or the subject's data was erased; they cannot be linked.");
        }
        List<ConsentState> visitorStates = ledger.states(visitor);
        List<String> purposes = new ArrayList<>(
                visitorStates.stream().map(ConsentState::purposeId).toList());
        purposes.add(LINK_LOCK);
        ledger.lock(visitor, purposes);
        Optional<UUID> linkedTo = ledger.subjectOf(visitor);
        if (linkedTo.isPresent()) {
            if (!linkedTo.get().equals(subjectId)) {
                throw ProblemException.conflict("This visitor is linked to another subject already.");
            }
            return new VisitorLink(null, false, List.of());
        }
        ledger.lock(subject, purposes);
        Instant now = Instant.now(clock);
        LedgerEntry link = entry(visitor, ConsentAction.LINK, null, null, now, by, null, null, subjectId);
        ledger.append(link);

        Map<String, ConsentState> subjectStates =
                ledger.states(subject).stream().collect(Collectors.toMap(ConsentState::purposeId, Function.identity()));
        List<VisitorLink.Carried> carried = new ArrayList<>();
        List<Revocation> revocations = new ArrayList<>();
        for (ConsentState state : ledger.states(visitor)) {
            if (state.status() == ConsentStatus.PENDING) {
                continue;
            }
            LedgerEntry original = ledger.entry(state.entryId()).orElseThrow();
            ConsentState own = subjectStates.get(state.purposeId());
            Instant ownTime = own == null
                    ? null
                    : ledger.entry(own.entryId()).orElseThrow().recordedAt();
            if (ownTime != null && ownTime.isAfter(original.recordedAt())) {
                continue; // the subject decided later itself
            }
            ConsentAction action = state.status() == ConsentStatus.GRANTED ? ConsentAction.GRANT : ConsentAction.REVOKE;
            if (action == ConsentAction.REVOKE && (own == null || !own.status().revocable())) {
                continue; // nothing of the subject's to end
            }
            LedgerEntry copy = entry(
                    subject,
                    action,
                    original,
                    action == ConsentAction.REVOKE ? own.entryId() : null,
                    now,
                    by,
                    original.id(),
                    state.purposeId(),
                    null);
            long sequence = ledger.append(copy);
            ledger.advance(
                    new ConsentState(subject, state.purposeId(), ConsentStatus.after(action), copy.id(), sequence));
            carried.add(new VisitorLink.Carried(state.purposeId(), action, copy.id(), original.id()));
            if (action == ConsentAction.REVOKE) {
                revocations.add(new Revocation(state.purposeId(), true, copy.id(), own.entryId()));
            }
        }
        events.revoked(subject, revocations, now);
        audit.record(by, visitor.id(), "consent.link");
        audit.record(by, subjectId, "consent.link");
        return new VisitorLink(link.id(), true, carried);
    }

    /** A new entry; for a carried one the proof fields come from the visitor's original entry. */
    private static LedgerEntry entry(
            Holder holder,
            ConsentAction action,
            LedgerEntry original,
            UUID refersTo,
            Instant now,
            RecordedBy by,
            UUID linkedFrom,
            String purposeId,
            UUID linkedSubject) {
        boolean grant = action == ConsentAction.GRANT;
        return new LedgerEntry(
                TimeOrderedIds.next(),
                0,
                holder,
                action,
                purposeId,
                grant ? original.purposeVersion() : null,
                grant ? original.language() : null,
                grant ? original.textHash() : null,
                original == null ? Channel.API : original.channel(),
                now,
                by,
                grant ? original.proofReference() : null,
                refersTo,
                linkedFrom,
                linkedSubject,
                null);
    }
}
