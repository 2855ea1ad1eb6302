package org.opencdp.ratelimits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Bucket4j token buckets by key, in this replica's memory: the one way OpenCDP limits how often something may
 * happen. A key's bucket holds {@code capacity} tokens and regains them evenly over {@code period}; a key whose
 * limit changes gets a new, full bucket. Keys are kept for the life of the process, so callers use a bounded set of
 * keys (callers of a role-checked endpoint, registered sites), never anything a stranger can invent.
 */
public final class TokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token of the key's bucket: 0 if it was taken, otherwise the whole seconds to wait (at least 1). */
    public long take(String key, long capacity, Duration period) {
        Bucket bucket = buckets.computeIfAbsent(
                key + '\n' + capacity + '\n' + period,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, period)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : retryAfterSeconds(probe.getNanosToWaitForRefill());
    }

    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
