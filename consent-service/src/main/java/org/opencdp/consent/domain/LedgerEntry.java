package org.opencdp.consent.domain;

import java.time.Instant;
import java.util.UUID;

/** One ledger entry as stored; the e-mail address stays encrypted here. */
public record LedgerEntry(
        UUID id,
        long sequence,
        Holder holder,
        ConsentAction action,
        String purposeId,
        Integer purposeVersion,
        String language,
        String textHash,
        Channel channel,
        Instant recordedAt,
        RecordedBy recordedBy,
        String proofReference,
        UUID refersTo,
        UUID linkedFrom,
        UUID linkedSubject,
        byte[] encryptedEmail) {}
