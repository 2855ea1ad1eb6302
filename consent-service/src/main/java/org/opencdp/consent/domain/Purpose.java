package org.opencdp.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A purpose of processing in the catalog, with its legal basis and what it covers. Its texts are the
 * {@link PurposeVersion}s; {@code latestVersion} is the one to show people now.
 */
public record Purpose(
        String id,
        LegalBasis legalBasis,
        boolean directMarketing,
        boolean doubleOptIn,
        List<String> dataCategories,
        String retention,
        String retentionPeriod,
        Instant createdAt,
        int latestVersion) {

    /** Lower-case words joined by hyphens, at most 64 characters: {@code newsletter}, {@code web-analytics}. */
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    public PurposeAttributes attributes() {
        return new PurposeAttributes(
                legalBasis, directMarketing, doubleOptIn, dataCategories, retention, retentionPeriod);
    }

    public boolean needsConsent() {
        return legalBasis == LegalBasis.CONSENT;
    }

    /** Whether an objection (Art. 21) denies it: legitimate interest and every kind of direct marketing. */
    public boolean deniedByObjection() {
        return directMarketing || legalBasis == LegalBasis.LEGITIMATE_INTEREST;
    }
}
