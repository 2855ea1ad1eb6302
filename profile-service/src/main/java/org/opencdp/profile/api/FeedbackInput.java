package org.opencdp.profile.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.FeedbackMeasure;
import org.opencdp.profile.domain.FeedbackSource;
import org.opencdp.profile.domain.NewFeedback;

@Schema(name = "FeedbackInput", description = "One satisfaction answer: exactly one of csat and nps.")
public record FeedbackInput(
        @Min(1)
        @Max(5)
        @Schema(description = "Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied)", examples = "4")
        Integer csat,

        @Min(0) @Max(10) @Schema(description = "Net Promoter Score answer, 0 to 10", examples = "9")
        Integer nps,

        @Size(min = 1, max = 2000)
        @Schema(
                description = "The customer's own words; encrypted, never in reports",
                examples = "Quick and friendly help")
        String comment,

        @NotNull @Schema(required = true, examples = "AFTER_CALL")
        FeedbackSource source,

        @Schema(description = "When the customer answered; now when absent", examples = "2026-11-26T14:20:00Z")
        Instant answeredAt,

        @Schema(description = "The call or ticket on the customer's timeline the answer rates")
        UUID timelineEntryId) {

    /** Refuses an answer with both measures or none, naming the field: one answer measures one thing. */
    NewFeedback toDomain() {
        if ((csat == null) == (nps == null)) {
            throw ProblemException.invalidField(
                    csat == null ? "csat" : "nps", "give exactly one of csat (1-5) and nps (0-10)");
        }
        boolean isCsat = csat != null;
        return new NewFeedback(
                isCsat ? FeedbackMeasure.CSAT : FeedbackMeasure.NPS,
                isCsat ? csat : nps,
                comment == null || comment.isBlank() ? null : comment.strip(),
                source,
                answeredAt,
                timelineEntryId);
    }
}
