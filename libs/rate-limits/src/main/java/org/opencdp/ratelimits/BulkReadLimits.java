package org.opencdp.ratelimits;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The limit of each group of {@link BulkRead} endpoints, per caller and per replica:
 * {@code opencdp.bulk-read.limits.search.capacity=300} and {@code ...search.period=1M} let a caller make 300
 * searches at once and regain them evenly over a minute (5 per second). The defaults are in libs/service-defaults.
 */
@ConfigMapping(prefix = "opencdp.bulk-read")
public interface BulkReadLimits {

    Map<String, Limit> limits();

    interface Limit {

        /** Calls a caller may make in a burst, and regains in {@link #period()}. */
        long capacity();

        /** Time in which a caller who used up the capacity has it back, refilled evenly. */
        Duration period();
    }
}
