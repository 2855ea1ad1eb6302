package org.opencdp.profile.domain;

/**
 * How much of a customer profile a reader may see (data minimisation). Each level sees a subset of the one above
 * it. Which department role gets which level is decided where the caller is known (the api layer); the service
 * needs the level too, so that it does not decrypt what the reader may not see (company links).
 */
public enum ProfileAccess {
    /** sales: everything. */
    FULL,
    /** marketing: everything but payment data, and only customers with a direct-marketing consent in force. */
    MARKETING,
    /** service: contact data to reach and recognise the customer; no payment, birth date, interests. */
    CONTACT,
    /** analyst: no direct identifiers; bands and regions instead of birth dates and addresses. */
    PSEUDONYMOUS;

    public boolean seesIdentifiers() {
        return this != PSEUDONYMOUS;
    }

    public boolean seesPaymentData() {
        return this == FULL;
    }

    /** Birth date, gender, occupation, interests, acquisition source: what service agents do not need. */
    public boolean seesProfiling() {
        return this == FULL || this == MARKETING;
    }
}
