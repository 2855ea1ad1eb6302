package org.opencdp.consent.domain;

import java.util.UUID;

/** A consent entry just recorded. */
public record RecordedConsent(UUID entryId, long sequence, ConsentStatus status) {}
