package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** A satisfaction answer to record; {@code aboutEntryId} is the timeline entry it rates, if any. */
public record NewFeedback(
        FeedbackMeasure measure,
        int score,
        String comment,
        FeedbackSource source,
        Instant answeredAt,
        UUID aboutEntryId) {}
