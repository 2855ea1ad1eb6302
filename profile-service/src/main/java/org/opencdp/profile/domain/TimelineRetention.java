package org.opencdp.profile.domain;

/**
 * Which retention duty a timeline entry falls under. The ids are the categories of retention-service's policies and
 * of profile-service's subject-rights contract: a business letter (HGB §257) is kept for years, even after an
 * erasure; call records follow a policy of their own; the rest lasts as long as the customer relationship.
 */
public enum TimelineRetention {
    COMMERCIAL_LETTERS("commercial-letters"),
    CALL_RECORDS("call-records"),
    COMMUNICATION_TIMELINE("communication-timeline");

    private final String category;

    TimelineRetention(String category) {
        this.category = category;
    }

    public String category() {
        return category;
    }

    public static TimelineRetention of(TimelineChannel channel, boolean businessLetter) {
        if (businessLetter) {
            return COMMERCIAL_LETTERS;
        }
        return channel == TimelineChannel.CALL ? CALL_RECORDS : COMMUNICATION_TIMELINE;
    }
}
