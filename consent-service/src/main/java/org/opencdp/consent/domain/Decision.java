package org.opencdp.consent.domain;

import java.util.UUID;

/**
 * The answer to a {@link DecisionQuery}: allowed or not, the legal basis, why, and the ledger entry behind it (null
 * when nothing was ever recorded for the pair, or the purpose needs no consent).
 */
public record Decision(
        DecisionQuery query, boolean allowed, LegalBasis legalBasis, DecisionReason reason, UUID entryId) {

    /**
     * The rule, in this order: an erased holder is denied everything; an objection denies legitimate interest and
     * direct marketing; other purposes not resting on consent are allowed by their legal basis; a consent purpose
     * is allowed only while its consent is in force.
     */
    public static Decision of(
            DecisionQuery query,
            LegalBasis basis,
            boolean deniedByObjection,
            ConsentStatus status,
            UUID stateEntryId,
            UUID objectionEntryId,
            boolean erased) {
        if (erased) {
            return new Decision(query, false, basis, DecisionReason.ERASED, null);
        }
        if (objectionEntryId != null && deniedByObjection) {
            return new Decision(query, false, basis, DecisionReason.OBJECTED, objectionEntryId);
        }
        if (basis != LegalBasis.CONSENT) {
            return new Decision(query, true, basis, DecisionReason.LEGAL_BASIS, null);
        }
        if (status == null) {
            return new Decision(query, false, basis, DecisionReason.NOT_GRANTED, null);
        }
        return switch (status) {
            case GRANTED -> new Decision(query, true, basis, DecisionReason.GRANTED, stateEntryId);
            case PENDING -> new Decision(query, false, basis, DecisionReason.PENDING_CONFIRMATION, stateEntryId);
            case REVOKED -> new Decision(query, false, basis, DecisionReason.REVOKED, stateEntryId);
        };
    }
}
