package org.opencdp.consent.domain;

import java.util.List;

/**
 * What the dpo can edit of a purpose after its creation. Legal basis and flags decide how the ledger's consents are
 * read (whether one is needed, whether it waits for a confirmation), so they change only while the ledger holds no
 * entry for the purpose; data categories and retention can change at any time.
 */
public record PurposeAttributes(
        LegalBasis legalBasis,
        boolean directMarketing,
        boolean doubleOptIn,
        List<String> dataCategories,
        String retention,
        String retentionPeriod) {

    public PurposeAttributes {
        dataCategories = List.copyOf(dataCategories);
    }

    /** Whether going from this to {@code next} changes how recorded consents are read. */
    public boolean readsConsentsDifferentlyThan(PurposeAttributes next) {
        return legalBasis != next.legalBasis
                || directMarketing != next.directMarketing
                || doubleOptIn != next.doubleOptIn;
    }
}
