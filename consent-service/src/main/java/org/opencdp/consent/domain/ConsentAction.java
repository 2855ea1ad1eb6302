package org.opencdp.consent.domain;

/** What a ledger entry records. */
public enum ConsentAction {
    /** Consent given; in force at once. */
    GRANT,
    /** Consent given for a double opt-in purpose; in force once confirmed. */
    GRANT_PENDING,
    /** The double opt-in was confirmed; points to the pending entry. */
    CONFIRM,
    /** Consent withdrawn; points to the entry it ended. */
    REVOKE,
    /** The subject objected (GDPR Art. 21) to legitimate interest and direct marketing. */
    OBJECTION,
    /**
     * The subject withdrew the objection; points to the OBJECTION it ended. Consents the objection revoked stay
     * revoked.
     */
    OBJECTION_WITHDRAWN,
    /** A visitor became a known subject. */
    LINK
}
