package org.opencdp.retention.domain;

import java.time.Instant;
import java.time.Period;

/**
 * One version of the retention policy of a data category: how long its records are kept after which event, and
 * why. The newest version of a category is in force.
 */
public record RetentionPolicy(
        String category,
        String description,
        int version,
        Period period,
        String startEvent,
        boolean roundToEndOfYear,
        String legalReference,
        boolean reviewWithLegalCounsel,
        String reviewNote,
        String changedBy,
        Instant changedAt) {}
