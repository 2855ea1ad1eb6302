package org.opencdp.outbox;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delivery the subscriber refused repeatedly, as an operator sees it: never the payload, which may hold personal
 * data.
 */
@Schema(
        name = "ParkedEvent",
        description = "An event a subscriber refused repeatedly; later events of its subject wait")
public record ParkedEvent(
        @Schema(description = "The event id; replay with it", examples = "01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f")
        UUID eventId,

        @Schema(description = "The subscriber that refused it", examples = "behaviour")
        String subscriber,

        @Schema(examples = "profile.changed") String type,

        @Schema(description = "The payload's schema version", examples = "1")
        int version,

        @Schema(
                description = "The subject the event is about; null for events about no one subject",
                nullable = true,
                examples = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c")
        UUID subjectId,

        @Schema(description = "When the fact happened", examples = "2026-11-25T10:15:30Z")
        Instant occurredAt,

        @Schema(description = "Delivery attempts so far", examples = "5")
        int attempts,

        @Schema(description = "The last answer: an HTTP status or an exception class", examples = "HTTP 422")
        String lastError,

        @Schema(description = "When it was parked", examples = "2026-11-25T10:16:02Z")
        Instant parkedAt) {}
