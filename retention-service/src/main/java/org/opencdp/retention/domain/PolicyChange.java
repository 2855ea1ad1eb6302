package org.opencdp.retention.domain;

import java.time.Period;

/** What the dpo sets when putting a new version of a retention policy; the period is positive. */
public record PolicyChange(
        Period period,
        String startEvent,
        boolean roundToEndOfYear,
        String legalReference,
        boolean reviewWithLegalCounsel,
        String reviewNote) {}
