package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead as the service hands it out: the row's pipeline facts and the decrypted details, which are null once the
 * lead was converted (the customer with the same id holds them).
 */
public record StoredLead(
        UUID id,
        CustomerKind kind,
        long version,
        LeadSource source,
        PipelineStage stage,
        Instant createdAt,
        Instant updatedAt,
        Instant lastTouchedAt,
        Instant convertedAt,
        LeadDetails details) {}
