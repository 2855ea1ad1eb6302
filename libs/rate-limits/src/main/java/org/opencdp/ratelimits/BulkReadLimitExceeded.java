package org.opencdp.ratelimits;

/** A caller used up the allowance of a {@link BulkRead} group; answered with 429 and {@code Retry-After}. */
public class BulkReadLimitExceeded extends RuntimeException {

    private final String group;
    private final long retryAfterSeconds;

    public BulkReadLimitExceeded(String group, long retryAfterSeconds) {
        super("too many " + group + " calls", null, false, false);
        this.group = group;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String group() {
        return group;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
