package org.opencdp.subjectrights;

import java.time.Period;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One retention policy as retention-service sends it: which category, its version, and how long records stay. The
 * schema is named PurgePolicy: retention-service's API has a RetentionPolicy of its own (the policy with its legal
 * reference and history), and both appear in its OpenAPI document.
 */
@Schema(name = "PurgePolicy", description = "A retention policy of one category, in the version the run applies")
public record RetentionPolicy(
        @NotBlank
        @Schema(required = true, description = "The retention category's id", examples = "tracking-raw-events")
        String category,

        @NotNull
        @Positive
        @Schema(required = true, description = "The policy's version, echoed in the report", examples = "2")
        Integer version,

        @NotNull
        @Schema(
                required = true,
                implementation = String.class,
                description = "How long a record is kept after its start, as an ISO-8601 period (years, months, days)"
                        + "; positive, at most 100 years",
                examples = "P13M")
        Period period,

        @Schema(
                description = "What starts the period, as the policy describes it (for people; not interpreted)",
                examples = "event recorded")
        String startEvent,

        @NotNull
        @Schema(
                required = true,
                description = "Keep until the end of the calendar year in which start + period falls"
                        + " (31 Dec 24:00), as AO §147 and HGB §257 count",
                examples = "false")
        Boolean roundToEndOfYear) {}
