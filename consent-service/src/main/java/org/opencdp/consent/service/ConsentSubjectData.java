package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.ConsentState;
import org.opencdp.consent.domain.HistoryEntry;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.consent.repository.OptInMailRepository;
import org.opencdp.consent.repository.OptInTokenRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;
import org.opencdp.subjectrights.SubjectRight;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * consent-service's part of the subject-rights contract. The export is the consent history with its proofs. An
 * erasure deletes the current state (so no decision says allowed any more: they answer ERASED) and open opt-in
 * tokens, but keeps the ledger entries, restricted, under a legal hold as evidence (Art. 17(3)(e)) until
 * {@link LegalHold#until}; the visitors linked to the subject go the same way.
 */
@ApplicationScoped
public class ConsentSubjectData implements SubjectDataHandler {

    static final String LEDGER = "consent-ledger";
    static final String STATE = "consent-state";
    private static final int EXPORT_LIMIT = 100_000;

    @Inject
    LedgerRepository ledger;

    @Inject
    OptInTokenRepository tokens;

    @Inject
    OptInMailRepository mails;

    @Inject
    ConsentHistory history;

    @Inject
    LegalHold legalHold;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** An Art. 21 objection is recorded here (POST /api/v1/subjects/{id}/objection), so retention-service sends it. */
    @Override
    public Set<SubjectRight> furtherRights() {
        return Set.of(SubjectRight.OBJECTION);
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        LEDGER,
                        "Consents given and withdrawn, objections and visitor links, with their proof: purpose, text "
                                + "version and hash, channel, time, who recorded it, a reference to the original, and "
                                + "for double opt-in the e-mail address (encrypted)",
                        "GDPR Art. 6(1)(c) with Art. 7(1) (demonstrating consent); Art. 17(3)(e) after erasure",
                        "kept as evidence; after erasure restricted until 3 years after the end of the year of the "
                                + "last entry (BGB §§195, 199), then deleted",
                        List.of("consent-management"),
                        List.of(
                                SubjectCategory.CUSTOMERS,
                                SubjectCategory.CONTACT_PERSONS,
                                SubjectCategory.LEADS,
                                SubjectCategory.WEBSITE_VISITORS),
                        RetentionCategories.CONSENT_PROOFS),
                new DataCategory(
                        STATE,
                        "The consent currently in force per purpose, and an objection",
                        "GDPR Art. 6(1)(c) with Art. 7 and 21 (honouring consent and objection)",
                        "while the subject exists; deleted on erasure",
                        List.of("consent-management"),
                        List.of(
                                SubjectCategory.CUSTOMERS,
                                SubjectCategory.CONTACT_PERSONS,
                                SubjectCategory.LEADS,
                                SubjectCategory.WEBSITE_VISITORS),
                        RetentionCategories.CONSENT_PROOFS));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (HistoryEntry e : history.all(subjectId, null, EXPORT_LIMIT)) {
            entries.add(exported(e));
        }
        List<Map<String, Object>> states = new ArrayList<>();
        for (ConsentState state : ledger.states(Holder.subject(subjectId))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("purpose", state.purposeId());
            row.put("status", state.status().name());
            row.put("entryId", state.entryId());
            states.add(row);
        }
        ledger.objection(subjectId).ifPresent(entry -> states.add(Map.of("objection", true, "entryId", entry)));
        return List.of(
                new CategoryExport(LEDGER, entries.size(), json.valueToTree(entries)),
                new CategoryExport(STATE, states.size(), json.valueToTree(states)));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        List<Holder> holders = new ArrayList<>();
        holders.add(Holder.subject(subjectId));
        holders.addAll(ledger.visitorsLinkedTo(subjectId));
        long stateRows = 0;
        long kept = 0;
        Instant last = null;
        for (Holder holder : holders) {
            stateRows += ledger.forgetState(holder);
            tokens.forgetAllOf(holder);
            mails.forgetAllOf(holder);
            kept += ledger.count(holder);
            Instant holderLast = ledger.lastRecordedAt(holder).orElse(null);
            if (holderLast != null && (last == null || holderLast.isAfter(last))) {
                last = holderLast;
            }
        }
        if (kept == 0) {
            return List.of(CategoryOutcome.erased(LEDGER, 0), CategoryOutcome.erased(STATE, stateRows));
        }
        LocalDate until = legalHold.until(last);
        Instant now = Instant.now(clock);
        holders.forEach(holder -> ledger.markErased(holder, now, until));
        return List.of(
                CategoryOutcome.keptUnderLegalHold(LEDGER, 0, kept, until, LegalHold.LEGAL_REFERENCE),
                CategoryOutcome.erased(STATE, stateRows));
    }

    private static Map<String, Object> exported(HistoryEntry history) {
        LedgerEntry e = history.entry();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("entryId", e.id());
        row.put("sequence", e.sequence());
        row.put("holderType", e.holder().type().name());
        row.put("holderId", e.holder().externalId());
        row.put("action", e.action().name());
        row.put("purpose", e.purposeId());
        row.put("version", e.purposeVersion());
        row.put("language", e.language());
        row.put("textHash", e.textHash());
        row.put("channel", e.channel().name());
        row.put("recordedAt", e.recordedAt().toString());
        row.put("recordedBy", e.recordedBy().kind() + ":" + e.recordedBy().name());
        row.put("proofReference", e.proofReference());
        row.put("refersTo", e.refersTo());
        row.put("linkedFrom", e.linkedFrom());
        row.put("linkedSubject", e.linkedSubject());
        row.put("email", history.email());
        return row;
    }
}
