package org.opencdp.profile.domain;

import java.util.UUID;

/** consent-service's current decision on one purpose for a subject, as the 360° view shows it. */
public record ConsentState(String purpose, boolean allowed, String legalBasis, String reason, UUID entryId) {}
