package org.opencdp.tracking.domain;

/** What became of one event of a batch; {@code reason} says why it was dropped or rejected. */
public record EventResult(Status status, String reason) {

    public enum Status {
        ACCEPTED,
        DROPPED,
        REJECTED
    }

    public static final String NO_CONSENT = "no-consent";

    public static final EventResult ACCEPTED_RESULT = new EventResult(Status.ACCEPTED, null);
    public static final EventResult NO_CONSENT_RESULT = new EventResult(Status.DROPPED, NO_CONSENT);

    public static EventResult rejected(String reason) {
        return new EventResult(Status.REJECTED, reason);
    }
}
