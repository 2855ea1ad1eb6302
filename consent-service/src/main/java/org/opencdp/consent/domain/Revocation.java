package org.opencdp.consent.domain;

import java.util.UUID;

/** The outcome of revoking one purpose: whether anything changed, the new entry and the entry it ended. */
public record Revocation(String purposeId, boolean changed, UUID entryId, UUID revokedEntryId) {}
