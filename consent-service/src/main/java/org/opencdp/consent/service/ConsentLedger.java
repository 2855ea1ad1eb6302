package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.opencdp.consent.domain.ProofReferences;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.PurposeText;
import org.opencdp.consent.domain.PurposeVersion;
import org.opencdp.consent.domain.RecordConsent;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.RecordedConsent;
import org.opencdp.consent.domain.Revocation;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.problem.ProblemException;

/**
 * Records consents and revocations in the append-only ledger and moves the current-state projection in the same
 * transaction. Both the authenticated API and the public (site-key) side call it; they decide who may use which
 * channel, this class what is recorded. Writers of one holder and purpose are serialised, so the ledger's sequence
 * is the order in which they were acknowledged.
 */
@ApplicationScoped
public class ConsentLedger {

    /** The field name under which the e-mail address of a double opt-in is encrypted. */
    static final String EMAIL_FIELD = "consent.email";

    @Inject
    LedgerRepository ledger;

    @Inject
    PurposeCatalog catalog;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    OptInMails optInMails;

    @Inject
    ConsentEvents events;

    @Inject
    ConsentAudit audit;

    @Inject
    Clock clock;

    /**
     * Records a grant: the purpose must be a consent purpose, the version must exist and the hash must be that of
     * the version's text in the language shown. A double opt-in purpose is recorded as pending with the e-mail
     * address encrypted, and its confirmation mail is queued in the same transaction ({@link OptInMails}).
     */
    @Transactional
    public RecordedConsent record(RecordConsent command, RecordedBy by) {
        Purpose purpose = catalog.known(command.purposeId());
        if (!purpose.needsConsent()) {
            throw ProblemException.unprocessable("Purpose " + purpose.id() + " rests on " + purpose.legalBasis()
                    + ", not on consent: there is nothing to grant.");
        }
        PurposeVersion version = catalog.knownVersion(purpose.id(), command.version());
        PurposeText text = version.text(command.language())
                .orElseThrow(() -> ProblemException.unprocessable("Version " + version.version() + " of " + purpose.id()
                        + " has no text in language " + command.language() + "."));
        if (!text.hash().equals(command.textHash())) {
            throw ProblemException.unprocessable("textHash is not the hash of version " + version.version() + " of "
                    + purpose.id() + " in " + command.language() + ": show the current text and send its hash.");
        }
        requireCleanReference(command.proofReference());
        if (purpose.doubleOptIn() && (command.email() == null || command.email().isBlank())) {
            throw ProblemException.invalidField("email", "is required: " + purpose.id() + " needs double opt-in");
        }
        if (!purpose.doubleOptIn() && command.email() != null) {
            throw ProblemException.invalidField("email", "is only taken for purposes with double opt-in");
        }
        requireNotErased(command.holder());

        ledger.lock(command.holder(), List.of(purpose.id()));
        ConsentAction action = purpose.doubleOptIn() ? ConsentAction.GRANT_PENDING : ConsentAction.GRANT;
        LedgerEntry entry = new LedgerEntry(
                TimeOrderedIds.next(),
                0,
                command.holder(),
                action,
                purpose.id(),
                version.version(),
                command.language(),
                text.hash(),
                command.channel(),
                Instant.now(clock),
                by,
                command.proofReference(),
                null,
                null,
                null,
                cipher.encrypt(command.holder().id(), EMAIL_FIELD, command.email()));
        long sequence = ledger.append(entry);
        ConsentStatus status = ConsentStatus.after(action);
        ledger.advance(new ConsentState(command.holder(), purpose.id(), status, entry.id(), sequence));
        audit.record(by, command.holder().id(), "consent." + (purpose.doubleOptIn() ? "grant-pending" : "grant"));
        if (purpose.doubleOptIn()) {
            optInMails.enqueue(entry);
        }
        return new RecordedConsent(entry.id(), sequence, status);
    }

    /**
     * Revokes the named purposes (or, with {@code purposeIds} null, every purpose the holder has granted or
     * pending). A purpose that was never granted or is revoked already is an idempotent success with
     * {@code changed = false}. What changed is published as one {@code consent.revoked} event.
     */
    @Transactional
    public List<Revocation> revoke(
            Holder holder, List<String> purposeIds, Channel channel, String proofReference, RecordedBy by) {
        requireCleanReference(proofReference);
        List<String> purposes = purposeIds == null ? revocablePurposes(holder) : consentPurposes(purposeIds);
        List<Revocation> revocations = revokeLocked(holder, purposes, channel, proofReference, by);
        events.revoked(holder, revocations, Instant.now(clock));
        if (revocations.stream().anyMatch(Revocation::changed)) {
            audit.record(by, holder.id(), "consent.revoke");
        }
        return revocations;
    }

    /**
     * Revokes inside the caller's transaction, without the event (objection and erasure publish their own):
     * locks the pairs, then appends a REVOKE for each that is in force or pending.
     */
    List<Revocation> revokeLocked(
            Holder holder, List<String> purposes, Channel channel, String proofReference, RecordedBy by) {
        ledger.lock(holder, purposes);
        Map<String, ConsentState> states =
                ledger.states(holder).stream().collect(Collectors.toMap(ConsentState::purposeId, Function.identity()));
        Instant now = Instant.now(clock);
        List<Revocation> revocations = new ArrayList<>();
        for (String purposeId : purposes) {
            ConsentState state = states.get(purposeId);
            if (state == null || !state.status().revocable()) {
                revocations.add(new Revocation(purposeId, false, state == null ? null : state.entryId(), null));
                continue;
            }
            LedgerEntry revoke = new LedgerEntry(
                    TimeOrderedIds.next(),
                    0,
                    holder,
                    ConsentAction.REVOKE,
                    purposeId,
                    null,
                    null,
                    null,
                    channel,
                    now,
                    by,
                    proofReference,
                    state.entryId(),
                    null,
                    null,
                    null);
            long sequence = ledger.append(revoke);
            ledger.advance(new ConsentState(holder, purposeId, ConsentStatus.REVOKED, revoke.id(), sequence));
            revocations.add(new Revocation(purposeId, true, revoke.id(), state.entryId()));
        }
        return revocations;
    }

    private List<String> revocablePurposes(Holder holder) {
        return ledger.states(holder).stream()
                .filter(s -> s.status().revocable())
                .map(ConsentState::purposeId)
                .toList();
    }

    /** The named purposes, each known and resting on consent, without repetitions. */
    private List<String> consentPurposes(List<String> purposeIds) {
        for (String id : purposeIds) {
            Purpose purpose = catalog.known(id);
            if (!purpose.needsConsent()) {
                throw ProblemException.unprocessable("Purpose " + id + " rests on " + purpose.legalBasis()
                        + ", not on consent: it cannot be revoked; the subject can object to it.");
            }
        }
        return List.copyOf(new TreeSet<>(purposeIds));
    }

    private void requireNotErased(Holder holder) {
        if (ledger.isErased(holder)) {
            throw ProblemException.conflict(
                    "This holder's data was erased; consent cannot be recorded for it any more.");
        }
    }

    private static void requireCleanReference(String proofReference) {
        String problem = ProofReferences.problemWith(proofReference);
        if (problem != null) {
            throw ProblemException.invalidField("proofReference", problem);
        }
    }
}
