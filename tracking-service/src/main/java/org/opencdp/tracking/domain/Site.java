package org.opencdp.tracking.domain;

import java.time.Instant;
import java.util.List;

/** A website allowed to send browser events: its public key and the origins its pages are served from. */
public record Site(String siteKey, String name, List<String> allowedOrigins, Instant createdAt) {

    /** {@code site_} and up to 60 lowercase letters, digits, {@code _} or {@code -}; the schema checks the same. */
    public static final String KEY_PATTERN = "^site_[a-z0-9_-]{1,60}$";

    /** An origin as browsers send it: scheme, host and an optional port, nothing else. */
    public static final String ORIGIN_PATTERN = "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$";

    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }
}
