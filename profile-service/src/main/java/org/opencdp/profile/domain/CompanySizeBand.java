package org.opencdp.profile.domain;

/** Employee count bands as in the EU SME definition (Recommendation 2003/361/EC). */
public enum CompanySizeBand {
    /** Fewer than 10 employees. */
    MICRO,
    /** 10 to 49 employees. */
    SMALL,
    /** 50 to 249 employees. */
    MEDIUM,
    /** 250 employees or more. */
    LARGE
}
