package org.opencdp.tracking.domain;

import java.util.List;

/**
 * A page's figures over a period (README, "Analytics"): views, the visits with a measured dwell time and scroll
 * depth, their total dwell time, and how many visits fall into each dwell-time and scroll-depth bucket.
 */
public record PageDay(
        String url,
        long pageViews,
        long measuredVisits,
        long dwellMsTotal,
        List<Long> dwellBuckets,
        List<Long> scrollBuckets) {

    /** The dwell-time buckets, in the order of {@link #dwellBuckets}. */
    public static final List<String> DWELL_BUCKETS =
            List.of("<10s", "10-30s", "30-60s", "1-3min", "3-10min", ">=10min");

    /** The scroll-depth buckets (deepest point, %), in the order of {@link #scrollBuckets}. */
    public static final List<String> SCROLL_BUCKETS = List.of("0-24", "25-49", "50-74", "75-100");

    /** Mean dwell time of the measured visits, null without any. */
    public Long averageDwellMs() {
        return measuredVisits == 0 ? null : Math.round((double) dwellMsTotal / measuredVisits);
    }
}
