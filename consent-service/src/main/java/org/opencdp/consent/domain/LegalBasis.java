package org.opencdp.consent.domain;

/** GDPR Art. 6(1): why a purpose may be pursued at all. */
public enum LegalBasis {
    /** Art. 6(1)(a): only with the person's consent, recorded in the ledger. */
    CONSENT,
    /** Art. 6(1)(b): needed for a contract with the person. */
    CONTRACT,
    /** Art. 6(1)(f): allowed unless the person objects (Art. 21). */
    LEGITIMATE_INTEREST,
    /** Art. 6(1)(c): required by law. */
    LEGAL_OBLIGATION
}
