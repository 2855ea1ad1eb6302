package org.opencdp.consent.domain;

import java.time.Instant;

/** One entry of a purpose's change log: number 0 is its creation, each later one an edit, with the result. */
public record PurposeChange(int number, Instant changedAt, String changedBy, PurposeAttributes attributes) {}
