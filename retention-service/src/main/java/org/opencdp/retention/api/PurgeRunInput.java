package org.opencdp.retention.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurgeRunInput", description = "A purge run to start now")
public record PurgeRunInput(
        @NotNull @Schema(required = true, description = "true: only count what has expired, delete nothing")
        Boolean dryRun,

        @Schema(
                description = "The cutoff: what has expired by then. Default now. Any time for a dry run (a preview); "
                        + "for a real run only where opencdp.retention.purge.allow-as-of is on (tests, the local run)",
                examples = "2027-03-01T00:00:00Z")
        Instant asOf) {}
