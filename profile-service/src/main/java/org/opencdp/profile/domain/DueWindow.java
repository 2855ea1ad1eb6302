package org.opencdp.profile.domain;

import java.time.LocalDate;

/** Which open follow-ups "my due follow-ups" shows, relative to today (the service's clock, UTC). */
public enum DueWindow {
    /** Due before today. */
    OVERDUE,
    /** Due today. */
    TODAY,
    /** Due today or in the next six days. */
    WEEK;

    /** The first due date in the window, or null for no lower bound. */
    public LocalDate from(LocalDate today) {
        return this == OVERDUE ? null : today;
    }

    /** The last due date in the window. */
    public LocalDate to(LocalDate today) {
        return switch (this) {
            case OVERDUE -> today.minusDays(1);
            case TODAY -> today;
            case WEEK -> today.plusDays(6);
        };
    }
}
