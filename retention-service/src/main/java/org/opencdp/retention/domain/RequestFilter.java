package org.opencdp.retention.domain;

import java.time.LocalDate;

/**
 * Which requests to list: every request, the open ones due on or before a day ({@code dueBy}), or the open ones
 * already past their due date ({@code overdueOn}).
 */
public record RequestFilter(LocalDate dueBy, LocalDate overdueOn) {

    public static RequestFilter all() {
        return new RequestFilter(null, null);
    }
}
