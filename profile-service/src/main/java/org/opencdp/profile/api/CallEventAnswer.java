package org.opencdp.profile.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CallEventOutcome;

/** The answer to a call event: whether it was matched to a customer, and what it changed. No customer data. */
@Schema(name = "CallEventAnswer", description = "What became of a call event")
public record CallEventAnswer(
        @Schema(description = "The call's id as sent (3CX: the id derived from number, start and agent)")
        String callId,

        @Schema(description = "true when the call is recorded on exactly one customer's timeline")
        boolean matched,

        @Schema(description = "MATCHED, AMBIGUOUS (the number is several customers': recorded on none), UNKNOWN")
        CallEventOutcome.Match match,

        @Schema(description = "The call's timeline entry; null unless matched", nullable = true)
        UUID entryId,

        @Schema(description = "CREATED, UPDATED, UNCHANGED (applied before, or the call is over), NOTHING_STORED")
        CallEventOutcome.Change change) {

    static CallEventAnswer of(String callId, CallEventOutcome outcome) {
        return new CallEventAnswer(
                callId,
                outcome.match() == CallEventOutcome.Match.MATCHED,
                outcome.match(),
                outcome.entryId(),
                outcome.change());
    }
}
