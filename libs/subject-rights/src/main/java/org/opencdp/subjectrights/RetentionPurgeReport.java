package org.opencdp.subjectrights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service's report of a purge run, stored by run id (a repeated run id gets this report again). */
@Schema(name = "RetentionPurgeReport")
public record RetentionPurgeReport(
        @Schema(examples = "tracking-service") String service,

        @Schema(examples = "0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f")
        UUID runId,

        @Schema(examples = "true") boolean dryRun,

        @Schema(description = "The moment expiry was judged at", examples = "2027-03-01T00:00:00Z")
        Instant asOf,

        @Schema(description = "Per category this service holds, in the order of the policies")
        List<CategoryPurge> categories,

        @Schema(
                description = "Policy categories this service does not hold (not an error)",
                examples = "[\"booking-vouchers\"]")
        List<String> notHeld) {}
