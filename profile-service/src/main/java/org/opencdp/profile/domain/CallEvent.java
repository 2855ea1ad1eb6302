package org.opencdp.profile.domain;

import java.time.Instant;

/**
 * One event of a call as an integration reports it, whatever its format (the generic JSON, sipgate.io, 3CX): the
 * call's id within the integration, what happened, the direction, the number of the party outside (the customer's
 * side: the caller of an inbound call, the called of an outbound one), a reference to the agent (never more about the
 * agent than that), the times the sender knows and an optional summary.
 */
public record CallEvent(
        String callId,
        Kind kind,
        TimelineDirection direction,
        String externalNumber,
        String agent,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Integer durationSeconds,
        String summary) {

    /**
     * The one reference to an agent a call entry keeps: the e-mail address when the sender knows it (how OpenCDP
     * knows its agents), else the extension; null without either. Names are never kept: the reference is enough.
     */
    public static String agentReference(String email, String extension) {
        if (email != null && !email.isBlank()) {
            return email.strip();
        }
        return extension == null || extension.isBlank() ? null : "ext. " + extension.strip();
    }

    /** What happened: the call rang, was answered, ended (answered or not), or was missed. */
    public enum Kind {
        STARTED,
        ANSWERED,
        ENDED,
        MISSED;

        /** After this the call is over: its entry is final. */
        public boolean ends() {
            return this == ENDED || this == MISSED;
        }
    }
}
