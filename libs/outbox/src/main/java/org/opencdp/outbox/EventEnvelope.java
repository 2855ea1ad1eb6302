package org.opencdp.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One fact as it travels from a producer's outbox to a subscriber: a subscriber receives a JSON array of these.
 * The id is unique per fact and stays the same on every redelivery, which is what receivers deduplicate on
 * ({@link Inbox}). Type and version name the payload's contract, a record in {@code libs/events}.
 */
@RegisterForReflection
@Schema(name = "EventEnvelope", description = "A fact delivered from another service's outbox")
public record EventEnvelope(
        @NotNull
        @Schema(
                description = "Unique per fact; the same on every redelivery (UUIDv7)",
                examples = "01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f")
        UUID id,

        @NotNull @Pattern(regexp = TYPE_PATTERN) @Schema(examples = "profile.changed")
        String type,

        @NotNull
        @Positive
        @Schema(description = "The version of the type's payload schema (libs/events)", examples = "1")
        Integer version,

        @Schema(
                description = "The subject the fact is about; absent for facts about no one subject",
                examples = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c")
        UUID subjectId,

        @NotNull @Schema(description = "When the fact happened at the producer", examples = "2026-11-25T10:15:30Z")
        Instant occurredAt,

        @Schema(description = "Type-specific content", implementation = Object.class)
        JsonNode payload) {

    /** Dotted lower-case words, e.g. {@code profile.changed}; the same rule as the outbox table's check. */
    public static final String TYPE_PATTERN = "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$";
}
