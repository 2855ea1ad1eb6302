package org.opencdp.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subject's audit trail as the DPO sees it. */
@Schema(name = "AuditEntry", description = "Who did what with the subject's data, when and why.")
public record AuditEntryView(
        @Schema(description = "Entry id; ascending in the order the entries were recorded", examples = "4711")
        long id,

        @Schema(description = "When it happened (UTC, microsecond precision)", examples = "2026-11-25T09:14:03.123456Z")
        Instant occurredAt,

        @Schema(description = "A person's login name or a service account's client id", examples = "jane.doe")
        String actor,

        @Schema(
                description = "Whether the actor is a person or a service account",
                enumeration = {"USER", "SERVICE", "ANONYMOUS"},
                examples = "USER")
        String actorKind,

        @Schema(description = "What was done", examples = "customer.read")
        String action,

        @Schema(description = "Why: the endpoint or the business purpose", examples = "GET /api/v1/customers/{id}")
        String purpose,

        @Schema(
                description = "True when the entry's hash is keyed with the chain key, which is kept outside the "
                        + "database; false for a legacy entry written before the chain was keyed (unkeyed: someone "
                        + "with write access to the database could have rewritten it and recomputed its hash)",
                examples = "true")
        boolean keyed) {}
