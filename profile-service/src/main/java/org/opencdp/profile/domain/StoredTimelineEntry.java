package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** A timeline entry as the service hands it out: decrypted, without storage details. */
public record StoredTimelineEntry(
        UUID id,
        UUID customerId,
        TimelineChannel channel,
        TimelineDirection direction,
        Instant occurredAt,
        Integer durationSeconds,
        String agent,
        String summary,
        String source,
        String externalReference,
        boolean businessLetter,
        Instant recordedAt) {}
