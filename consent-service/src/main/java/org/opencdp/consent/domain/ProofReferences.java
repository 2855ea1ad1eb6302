package org.opencdp.consent.domain;

import org.opencdp.sensitivenumbers.SensitiveNumbers;

/**
 * Checks the free proof reference of a consent or objection (a paper form's archive number, a call id). Like
 * profile-service's free-text fields it must not carry a payment card number or an IBAN, found the same way
 * (libs/sensitive-numbers): a long archive number that is neither is accepted.
 */
public final class ProofReferences {

    private ProofReferences() {}

    /** Why the reference is refused, or null when it is fine. */
    public static String problemWith(String reference) {
        SensitiveNumbers.Kind found = SensitiveNumbers.find(reference);
        return found == null ? null : "must not contain " + found.description();
    }
}
