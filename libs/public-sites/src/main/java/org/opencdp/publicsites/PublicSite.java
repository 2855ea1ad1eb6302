package org.opencdp.publicsites;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A website allowed to call the service's public endpoints: its public key, the origins its pages are served from,
 * how many requests a minute it may make, and whether it is enabled.
 */
public record PublicSite(
        UUID id,
        String siteKey,
        String name,
        List<String> allowedOrigins,
        int requestsPerMinute,
        boolean enabled,
        Instant createdAt) {

    /** {@code site_} and up to 60 lowercase letters, digits, {@code _} or {@code -}; the schema checks the same. */
    public static final String KEY_PATTERN = "^site_[a-z0-9_-]{1,60}$";

    /** An origin as browsers send it: scheme, host and an optional port, nothing else. */
    public static final String ORIGIN_PATTERN = "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$";

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
