package org.opencdp.profile.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CallEvent;
import org.opencdp.profile.domain.PhoneNumbers;
import org.opencdp.profile.domain.TimelineDirection;

/**
 * A call as 3CX's ReportCall scenario posts it after the call (integrations/3cx/opencdp-crm-template.xml): each field is
 * one of 3CX's variables. 3CX leaves a variable it has no value for empty (or, in some versions, as its own
 * placeholder "[AgentEmail]"): both count as absent.
 */
@Schema(
        name = "ThreeCxCall",
        description = "A call journaled by 3CX's ReportCall scenario; each field one 3CX variable")
public record ThreeCxCallInput(
        @NotBlank
        @Size(max = 40)
        @Schema(required = true, description = "[Number]: the external party's number", examples = "0049301234567")
        String number,

        @NotBlank
        @Size(max = 20)
        @Schema(
                required = true,
                description = "[CallType]",
                enumeration = {"Inbound", "Outbound", "Missed", "Notanswered"})
        String callType,

        @Size(max = 20) @Schema(description = "[CallDirection]: Inbound or Outbound", examples = "Inbound")
        String callDirection,

        @Size(max = 40) @Schema(description = "[Agent]: the agent's extension", examples = "101")
        String agent,

        @Size(max = 254)
        @Schema(description = "[AgentEmail]; kept instead of the extension when given", examples = "erika@example.com")
        String agentEmail,

        @Size(max = 20) @Schema(description = "[Duration]: talk time, hh:mm:ss", examples = "00:05:12")
        String duration,

        @NotBlank
        @Size(max = 40)
        @Schema(
                required = true,
                description = "[CallStartTimeUTC] as yyyy-MM-ddTHH:mm:ssZ",
                examples = "2026-11-26T09:15:02Z")
        String callStartTimeUtc,

        @Size(max = 40) @Schema(description = "[CallEstablishedTimeUTC]: when it was answered")
        String callEstablishedTimeUtc,

        @Size(max = 40) @Schema(description = "[CallEndTimeUTC]")
        String callEndTimeUtc) {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,3}):([0-5][0-9]):([0-5][0-9])");

    /**
     * The call, with an id derived from what identifies it, since 3CX sends no call id in every version: the number
     * (normalised), the start time and the agent's extension. 3CX posts a call once, when it is over; a retry of that
     * post has the same three and changes nothing.
     */
    CallEvent toDomain() {
        String type = present(callType);
        boolean missed = "Missed".equals(type) || "Notanswered".equals(type);
        if (!missed && !"Inbound".equals(type) && !"Outbound".equals(type)) {
            throw ProblemException.invalidField("callType", "must be Inbound, Outbound, Missed or Notanswered");
        }
        String direction = present(callDirection);
        boolean inbound =
                direction == null ? "Inbound".equals(type) || "Missed".equals(type) : direction.equals("Inbound");
        if (direction != null && !direction.equals("Inbound") && !direction.equals("Outbound")) {
            throw ProblemException.invalidField("callDirection", "must be Inbound or Outbound");
        }
        Instant start = time("callStartTimeUtc", callStartTimeUtc);
        if (start == null) {
            throw ProblemException.invalidField("callStartTimeUtc", "is required");
        }
        String extension = present(agent);
        String callId = "3cx:" + PhoneNumbers.toE164(number).orElse(number.strip()) + "/" + start.getEpochSecond() + "/"
                + (extension == null ? "" : extension);
        return new CallEvent(
                callId,
                missed ? CallEvent.Kind.MISSED : CallEvent.Kind.ENDED,
                inbound ? TimelineDirection.INBOUND : TimelineDirection.OUTBOUND,
                number,
                CallEvent.agentReference(present(agentEmail), extension),
                start,
                time("callEstablishedTimeUtc", callEstablishedTimeUtc),
                time("callEndTimeUtc", callEndTimeUtc),
                seconds(present(duration)),
                null);
    }

    private static Integer seconds(String value) {
        if (value == null) {
            return null;
        }
        Matcher parts = DURATION.matcher(value);
        if (!parts.matches()) {
            throw ProblemException.invalidField("duration", "must be hh:mm:ss");
        }
        int seconds = Integer.parseInt(parts.group(1)) * 3600
                + Integer.parseInt(parts.group(2)) * 60
                + Integer.parseInt(parts.group(3));
        if (seconds > 86_400) {
            throw ProblemException.invalidField("duration", "must be at most 24:00:00");
        }
        return seconds;
    }

    /** An instant in UTC, with or without its zone ("2026-11-26T09:15:02Z", "2026-11-26T09:15:02"). */
    private static Instant time(String field, String value) {
        String given = present(value);
        if (given == null) {
            return null;
        }
        try {
            return given.endsWith("Z")
                    ? Instant.parse(given)
                    : LocalDateTime.parse(given).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a UTC time as yyyy-MM-ddTHH:mm:ssZ");
        }
    }

    /** The value, or null when 3CX left it empty or as its placeholder. */
    private static String present(String value) {
        if (value == null || value.isBlank() || value.strip().matches("\\[[A-Za-z]+]")) {
            return null;
        }
        return value.strip();
    }
}
