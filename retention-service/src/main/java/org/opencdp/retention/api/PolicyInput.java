package org.opencdp.retention.api;

import java.time.Period;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.problem.ProblemException;
import org.opencdp.retention.domain.PolicyChange;

@Schema(name = "RetentionPolicyInput", description = "A new version of a data category's retention policy")
public record PolicyInput(
        @NotBlank @Schema(required = true, description = "ISO 8601 period, positive", examples = "P8Y")
        String period,

        @NotBlank @Size(max = 500) @Schema(required = true, examples = "the end of the calendar year of the booking")
        String startEvent,

        @NotNull
        @Schema(required = true, description = "The period runs to the end of the calendar year in which it ends")
        Boolean roundToEndOfYear,

        @NotBlank @Size(max = 1000) @Schema(required = true, examples = "AO §147(1) Nr. 4, (3); HGB §257(1) Nr. 4, (4)")
        String legalReference,

        @NotNull @Schema(required = true) Boolean reviewWithLegalCounsel,

        @Size(max = 2000) @Schema(examples = "Confirmed by counsel on 2026-11-20")
        String reviewNote) {

    PolicyChange toChange() {
        return new PolicyChange(
                positive(period),
                startEvent.strip(),
                roundToEndOfYear,
                legalReference.strip(),
                reviewWithLegalCounsel,
                reviewNote == null || reviewNote.isBlank() ? null : reviewNote.strip());
    }

    private static Period positive(String value) {
        Period parsed;
        try {
            parsed = Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("period", "must be an ISO 8601 period, e.g. P8Y or P13M");
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw ProblemException.invalidField("period", "must be positive: a record cannot expire before it starts");
        }
        return parsed;
    }
}
