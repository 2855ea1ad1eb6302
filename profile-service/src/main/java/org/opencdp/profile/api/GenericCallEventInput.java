package org.opencdp.profile.api;

import java.time.Instant;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CallEvent;
import org.opencdp.profile.domain.TimelineDirection;

@Schema(name = "GenericCallEvent", description = "One event of a call, in OpenCDP's own format (docs/integrations.md)")
public record GenericCallEventInput(
        @NotBlank
        @Size(max = 200)
        @Schema(required = true, description = "The call's id in your system: every event of a call has the same")
        String callId,

        @NotNull
        @Pattern(regexp = "started|answered|ended|missed")
        @Schema(
                required = true,
                enumeration = {"started", "answered", "ended", "missed"})
        String event,

        @NotNull
        @Pattern(regexp = "in|out")
        @Schema(required = true, description = "in: the customer called; out: the customer was called")
        String direction,

        @NotBlank
        @Size(max = 40)
        @Schema(required = true, description = "The caller's number, any notation", examples = "+49 30 1234567")
        String from,

        @NotBlank
        @Size(max = 40)
        @Schema(required = true, description = "The called number, any notation", examples = "030 9876543-12")
        String to,

        @Valid @Schema(description = "Who handled the call; only one reference to the agent is kept")
        Agent agent,

        @Schema(description = "When the call began to ring (ISO 8601)", examples = "2026-11-26T09:15:02Z")
        Instant startedAt,

        @Schema(description = "When it was answered", examples = "2026-11-26T09:15:09Z")
        Instant answeredAt,

        @Schema(description = "When it ended", examples = "2026-11-26T09:20:21Z")
        Instant endedAt,

        @PositiveOrZero
        @Max(86_400)
        @Schema(description = "Talk time in seconds; else answeredAt to endedAt", examples = "312")
        Integer durationSeconds,

        @Size(min = 1, max = 2000) @Schema(description = "What the call was about, in a few sentences")
        String summary) {

    @Schema(name = "CallAgent", description = "The agent: the e-mail address is kept if given, else the extension")
    public record Agent(
            @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z*#+-]*") @Schema(examples = "101")
            String extension,

            @Email @Size(max = 254) @Schema(examples = "erika.service@example.com")
            String email,

            @Size(max = 200) @Schema(description = "Accepted but not stored: the reference is enough")
            String name) {}

    CallEvent toDomain() {
        boolean inbound = direction.equals("in");
        return new CallEvent(
                callId.strip(),
                CallEvent.Kind.valueOf(event.toUpperCase(Locale.ROOT)),
                inbound ? TimelineDirection.INBOUND : TimelineDirection.OUTBOUND,
                inbound ? from : to,
                agent == null ? null : CallEvent.agentReference(agent.email(), agent.extension()),
                startedAt,
                answeredAt,
                endedAt,
                durationSeconds,
                summary == null || summary.isBlank() ? null : summary.strip());
    }
}
