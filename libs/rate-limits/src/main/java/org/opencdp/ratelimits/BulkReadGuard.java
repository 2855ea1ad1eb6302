package org.opencdp.ratelimits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.caller.Caller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One Bucket4j token bucket per caller and group, in this replica's memory. A limit therefore holds per replica:
 * behind a load balancer that spreads a caller's requests over n replicas the caller gets up to n times the limit.
 * The limits are sized for that (see docs/security.md): what they stop is paging through the whole customer base,
 * which takes thousands of calls, not a few hundred more.
 *
 * <p>The buckets are kept for the life of the process. Only authenticated callers that the endpoint's role rule
 * admits reach a bucket, so there are at most as many as the realm has staff logins and service accounts.
 */
@ApplicationScoped
public class BulkReadGuard {

    /** Counted when a call is refused; tagged with the group and the caller's login or client id. */
    public static final String REFUSED_METRIC = "opencdp.bulk.read.refused";

    @Inject
    BulkReadLimits limits;

    @Inject
    MeterRegistry registry;

    private final TokenBuckets buckets = new TokenBuckets();

    /** Takes one call of {@code group} from the caller's allowance, or refuses with the seconds to wait. */
    public void admit(String group, Caller caller) {
        BulkReadLimits.Limit limit = limits.limits().get(group);
        if (limit == null) {
            // A programming error: the endpoint names a group the configuration does not know. Refuse, never open.
            throw new IllegalStateException("no bulk-read limit configured for group '" + group
                    + "': set opencdp.bulk-read.limits." + group + ".capacity and .period");
        }
        long retryAfter =
                buckets.take(group + '\n' + caller.kind() + '\n' + caller.name(), limit.capacity(), limit.period());
        if (retryAfter > 0) {
            refusals(group, caller.name()).increment();
            throw new BulkReadLimitExceeded(group, retryAfter);
        }
    }

    private Counter refusals(String group, String caller) {
        return Counter.builder(REFUSED_METRIC)
                .description("Calls refused by the bulk-read guard, by endpoint group and caller")
                .tag("group", group)
                .tag("caller", caller)
                .register(registry);
    }
}
