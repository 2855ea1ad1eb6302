package org.opencdp.profile.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.FeedbackMeasure;
import org.opencdp.profile.domain.FeedbackSource;
import org.opencdp.profile.domain.StoredFeedback;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Feedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackView(
        UUID id,
        UUID customerId,
        @Schema(examples = "NPS") FeedbackMeasure measure,
        @Schema(examples = "9") int score,
        @Schema(examples = "Quick and friendly help") String comment,
        @Schema(examples = "AFTER_CALL") FeedbackSource source,
        Instant answeredAt,

        @Schema(description = "The call or ticket entry the answer rates")
        UUID aboutTimelineEntryId,

        @Schema(description = "The answer's own FEEDBACK entry on the timeline")
        UUID timelineEntryId,

        Instant recordedAt) {

    static FeedbackView of(StoredFeedback f) {
        return new FeedbackView(
                f.id(),
                f.customerId(),
                f.measure(),
                f.score(),
                f.comment(),
                f.source(),
                f.answeredAt(),
                f.aboutEntryId(),
                f.timelineEntryId(),
                f.recordedAt());
    }
}
