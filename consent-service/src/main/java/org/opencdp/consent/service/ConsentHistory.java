package org.opencdp.consent.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.consent.domain.HistoryEntry;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKeyDestroyedException;

/**
 * A subject's consent history with its proofs (Art. 7(1): the controller demonstrates consent): the subject's entries
 * and those of the visitors linked to it, in ledger order. Reading it is audited.
 */
@ApplicationScoped
public class ConsentHistory {

    @Inject
    LedgerRepository ledger;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AuditTrail audit;

    @Transactional
    public List<HistoryEntry> page(UUID subjectId, UUID after, int limit) {
        List<HistoryEntry> page = all(subjectId, after, limit);
        audit.recordRead(subjectId, "consent-history.read", "GET /api/v1/subjects/{id}/consents");
        return page;
    }

    /** Without the audit entry: for the subject-rights export, which the library audits itself. */
    List<HistoryEntry> all(UUID subjectId, UUID after, int limit) {
        return ledger.history(subjectId, after, limit).stream()
                .map(e -> new HistoryEntry(e, email(e)))
                .toList();
    }

    private String email(LedgerEntry entry) {
        if (entry.encryptedEmail() == null) {
            return null;
        }
        try {
            return cipher.decrypt(entry.holder().id(), ConsentLedger.EMAIL_FIELD, entry.encryptedEmail());
        } catch (SubjectKeyDestroyedException e) {
            return null; // the holder's key is gone: the address is unreadable everywhere, backups included
        }
    }
}
