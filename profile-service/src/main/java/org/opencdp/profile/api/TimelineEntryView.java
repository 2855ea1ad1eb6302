package org.opencdp.profile.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineDirection;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "TimelineEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryView(
        UUID id,
        UUID customerId,
        @Schema(examples = "CALL") TimelineChannel channel,
        @Schema(examples = "INBOUND") TimelineDirection direction,
        Instant occurredAt,
        @Schema(examples = "312") Integer durationSeconds,
        @Schema(examples = "erika.service") String agent,

        @Schema(examples = "Asked about the delivery date of order 4711")
        String summary,

        @Schema(
                description = "Who wrote the entry: an integration's client id or an agent's login name",
                examples = "integrations")
        String source,

        @Schema(examples = "sipgate-call-9f3c2a") String externalReference,
        boolean businessLetter,

        @Schema(description = "When the entry was written") Instant recordedAt) {

    static TimelineEntryView of(StoredTimelineEntry e) {
        return new TimelineEntryView(
                e.id(),
                e.customerId(),
                e.channel(),
                e.direction(),
                e.occurredAt(),
                e.durationSeconds(),
                e.agent(),
                e.summary(),
                e.source(),
                e.externalReference(),
                e.businessLetter(),
                e.recordedAt());
    }
}
