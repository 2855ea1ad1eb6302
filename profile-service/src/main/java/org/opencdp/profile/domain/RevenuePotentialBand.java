package org.opencdp.profile.domain;

/** Expected yearly revenue with this customer, as sales estimates it. */
public enum RevenuePotentialBand {
    /** Under 10,000 EUR a year. */
    LOW,
    /** 10,000 to 100,000 EUR a year. */
    MEDIUM,
    /** 100,000 to 1,000,000 EUR a year. */
    HIGH,
    /** Over 1,000,000 EUR a year. */
    STRATEGIC
}
