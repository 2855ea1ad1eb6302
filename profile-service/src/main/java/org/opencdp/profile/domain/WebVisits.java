package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.List;

/** tracking-service's summary of a subject's web visits: last visit, number of visits, most viewed pages. */
public record WebVisits(Instant lastVisit, long visits, List<PageViews> topPages) {

    public WebVisits {
        topPages = topPages == null ? List.of() : List.copyOf(topPages);
    }

    public record PageViews(String url, long views) {}
}
