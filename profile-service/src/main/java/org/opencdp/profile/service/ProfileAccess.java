package org.opencdp.profile.service;

import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;

/**
 * How much of a profile a caller may see, from the department roles (shared/design.md). Each level sees a subset
 * of the one above it; a caller with several roles gets the widest.
 */
public enum ProfileAccess {
    /** sales: everything. */
    FULL,
    /** marketing: everything but payment data. (Consent-based limits come with consent-service.) */
    MARKETING,
    /** service: contact data to reach and recognise the customer; no payment, birth date, interests. */
    CONTACT,
    /** analyst: no direct identifiers; bands and regions instead of birth dates and addresses. */
    PSEUDONYMOUS;

    public static ProfileAccess of(Caller caller) {
        if (caller.hasRole(Roles.SALES)) {
            return FULL;
        }
        if (caller.hasRole(Roles.MARKETING)) {
            return MARKETING;
        }
        if (caller.hasRole(Roles.SERVICE)) {
            return CONTACT;
        }
        if (caller.hasRole(Roles.ANALYST)) {
            return PSEUDONYMOUS;
        }
        throw new IllegalStateException("no profile access for roles " + caller.roles());
    }

    public boolean seesIdentifiers() {
        return this != PSEUDONYMOUS;
    }

    public boolean seesPaymentData() {
        return this == FULL;
    }

    /** Birth date, gender, interests, acquisition source: what service agents do not need. */
    public boolean seesProfiling() {
        return this == FULL || this == MARKETING;
    }
}
