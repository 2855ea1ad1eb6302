package org.opencdp.profile.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.NewTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineDirection;

@Schema(name = "TimelineEntryInput", description = "A communication with the customer to record on the timeline.")
public record TimelineEntryInput(
        @NotNull
        @Schema(required = true, description = "Not FEEDBACK: feedback is recorded with its answer", examples = "CALL")
        TimelineChannel channel,

        @NotNull @Schema(required = true, examples = "INBOUND")
        TimelineDirection direction,

        @NotNull
        @Schema(
                required = true,
                description = "When it happened (at most 5 minutes ahead of the service's clock)",
                examples = "2026-11-26T14:03:00Z")
        Instant occurredAt,

        @PositiveOrZero @Max(86_400) @Schema(description = "Length of a call or meeting in seconds", examples = "312")
        Integer durationSeconds,

        @Size(min = 1, max = 200)
        @Schema(
                description = "Who handled it: an agent's user id or an integration's name; the caller when absent",
                examples = "erika.service")
        String agent,

        @Size(min = 1, max = 2000)
        @Schema(
                description = "What it was about, in a few sentences",
                examples = "Asked about the delivery date of order 4711")
        String summary,

        @Size(min = 1, max = 200)
        @Schema(
                description = "The other system's id (call id, ticket number, message id): a second write with the "
                        + "same reference by the same writer returns the first entry",
                examples = "sipgate-call-9f3c2a")
        String externalReference,

        @Schema(
                description = "A business letter (HGB §257), kept 6 years after the end of its year even when the "
                        + "customer is erased; default: true for OUTBOUND EMAIL and LETTER, false otherwise",
                examples = "false")
        Boolean businessLetter) {

    NewTimelineEntry toDomain() {
        return new NewTimelineEntry(
                channel,
                direction,
                occurredAt,
                durationSeconds,
                blankToNull(agent),
                blankToNull(summary),
                blankToNull(externalReference),
                businessLetter);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
