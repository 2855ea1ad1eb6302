package org.opencdp.profile.domain;

/** Who started a communication: the customer, the company, or neither (an internal note). */
public enum TimelineDirection {
    INBOUND,
    OUTBOUND,
    INTERNAL
}
