package org.opencdp.publicsites;

/** A site made more requests than its limit allows; answered with 429 and {@code Retry-After}. */
public class SiteRateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    public SiteRateLimited(long retryAfterSeconds) {
        super("site rate limit", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
