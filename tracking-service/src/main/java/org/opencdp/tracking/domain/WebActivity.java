package org.opencdp.tracking.domain;

import java.time.Instant;
import java.util.List;

/** A subject's web activity for the 360° view: last visit, number of visits (sessions) and most viewed pages. */
public record WebActivity(Instant lastVisit, long visits, List<PageViews> topPages) {

    public record PageViews(String url, long views) {}
}
