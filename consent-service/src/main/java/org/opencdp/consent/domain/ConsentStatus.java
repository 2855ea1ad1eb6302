package org.opencdp.consent.domain;

/** The state of one holder's consent to one purpose, as the last ledger entry left it. */
public enum ConsentStatus {
    GRANTED,
    PENDING,
    REVOKED;

    public static ConsentStatus after(ConsentAction action) {
        return switch (action) {
            case GRANT, CONFIRM -> GRANTED;
            case GRANT_PENDING -> PENDING;
            case REVOKE -> REVOKED;
            case OBJECTION, OBJECTION_WITHDRAWN, LINK -> throw new IllegalArgumentException(action + " has no purpose");
        };
    }

    /** Whether a revocation changes anything. */
    public boolean revocable() {
        return this != REVOKED;
    }
}
