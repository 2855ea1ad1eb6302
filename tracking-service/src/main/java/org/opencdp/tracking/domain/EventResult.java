package org.opencdp.tracking.domain;

/** What became of one event of a batch; {@code reason} says why it was dropped or rejected. */
public record EventResult(Status status, String reason) {

    public enum Status {
        ACCEPTED,
        /** Already stored: sent twice in the batch or in an earlier one; kept once. */
        DUPLICATE,
        DROPPED,
        REJECTED
    }

    public static final String NO_CONSENT = "no-consent";
    /** The event's subject, or the subject its visitor is linked to, is restricted (GDPR Art. 18). */
    public static final String RESTRICTED = "restricted";

    public static final EventResult ACCEPTED_RESULT = new EventResult(Status.ACCEPTED, null);
    public static final EventResult DUPLICATE_RESULT = new EventResult(Status.DUPLICATE, null);
    public static final EventResult NO_CONSENT_RESULT = new EventResult(Status.DROPPED, NO_CONSENT);
    public static final EventResult RESTRICTED_RESULT = new EventResult(Status.DROPPED, RESTRICTED);

    public static EventResult rejected(String reason) {
        return new EventResult(Status.REJECTED, reason);
    }
}
