package org.opencdp.profile.domain;

/** Who wrote a ticket's article: the customer, an agent, or the ticket system itself (auto-replies). */
public enum TicketSender {
    CUSTOMER,
    AGENT,
    SYSTEM;

    /** The article's direction on the timeline: an internal note stays internal whoever wrote it. */
    public TimelineDirection direction(boolean internal) {
        if (internal) {
            return TimelineDirection.INTERNAL;
        }
        return this == CUSTOMER ? TimelineDirection.INBOUND : TimelineDirection.OUTBOUND;
    }
}
