package org.opencdp.subjectrights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purge run: retention-service sends every policy to every service; a service purges the categories it holds. */
@Schema(name = "RetentionPurgeRequest")
public record RetentionPurgeRequest(
        @NotNull
        @Schema(
                required = true,
                description = "The run's id: a repeated id answers the stored report of that run and deletes nothing"
                        + " more",
                examples = "0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f")
        UUID runId,

        @NotNull
        @Schema(required = true, description = "Only count what has expired; delete nothing", examples = "true")
        Boolean dryRun,

        @Schema(
                description = "The moment expiry is judged at; the service's clock when left out",
                examples = "2027-03-01T00:00:00Z")
        Instant asOf,

        @NotNull
        @Schema(
                required = true,
                description =
                        "Every retention policy; categories this service does not hold" + " are listed as notHeld")
        List<@NotNull @Valid RetentionPolicy> policies) {}
