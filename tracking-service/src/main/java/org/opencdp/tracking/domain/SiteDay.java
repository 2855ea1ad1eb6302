package org.opencdp.tracking.domain;

import java.time.LocalDate;

/** A site's figures of one UTC day (README, "Analytics"). */
public record SiteDay(LocalDate day, long visitors, long sessions, long bouncedSessions, long pageViews) {

    /** Single-page sessions / sessions; null on a day without sessions. */
    public Double bounceRate() {
        return sessions == 0 ? null : (double) bouncedSessions / sessions;
    }
}
