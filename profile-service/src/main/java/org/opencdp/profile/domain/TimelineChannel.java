package org.opencdp.profile.domain;

/** How a communication with a customer took place. */
public enum TimelineChannel {
    CALL,
    EMAIL,
    LETTER,
    TICKET,
    MEETING,
    NOTE,
    /** A satisfaction answer (CSAT or NPS); written only with the feedback itself. */
    FEEDBACK
}
