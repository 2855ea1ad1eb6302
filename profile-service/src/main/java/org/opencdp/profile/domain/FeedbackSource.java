package org.opencdp.profile.domain;

/** Where a satisfaction answer came from. */
public enum FeedbackSource {
    SURVEY_LINK,
    AFTER_CALL,
    AFTER_TICKET,
    /** Recorded by an agent from what the customer said. */
    AGENT
}
