package org.opencdp.profile.domain;

import java.util.UUID;

/**
 * One blind-index entry: the keyed hash of a normalised name token, e-mail, phone number, company token or postcode
 * (table {@code customer_search_term}, keyed by all three).
 */
public record CustomerSearchTerm(Kind kind, byte[] hash, UUID customerId) {

    public enum Kind {
        NAME,
        EMAIL,
        PHONE,
        COMPANY,
        POSTCODE
    }
}
