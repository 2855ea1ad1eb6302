package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** A satisfaction answer as the service hands it out, decrypted. */
public record StoredFeedback(
        UUID id,
        UUID customerId,
        FeedbackMeasure measure,
        int score,
        String comment,
        FeedbackSource source,
        Instant answeredAt,
        UUID aboutEntryId,
        UUID timelineEntryId,
        Instant recordedAt) {}
