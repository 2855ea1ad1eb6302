package org.opencdp.retention.domain;

import java.time.LocalDate;

/**
 * Which requests to list: every request (newest first), the open ones due on or before a day ({@code dueBy}), or the
 * open ones already past their due date ({@code overdueOn}); the watch lists are ordered by due date, most urgent
 * first.
 */
public record RequestFilter(LocalDate dueBy, LocalDate overdueOn) {

    public static RequestFilter all() {
        return new RequestFilter(null, null);
    }

    /** Whether this is the overdue watch, ordered by due date, rather than every request, newest first. */
    public boolean byDueDate() {
        return dueBy != null || overdueOn != null;
    }
}
