package org.opencdp.consent.domain;

/**
 * A consent to record: for whom, to which text (purpose, version, language and the hash of the text shown), where,
 * and for a double opt-in purpose the e-mail address to confirm. The authenticated API and the public (site-key)
 * side both build one.
 */
public record RecordConsent(
        Holder holder,
        String purposeId,
        int version,
        String language,
        String textHash,
        Channel channel,
        String proofReference,
        String email) {}
