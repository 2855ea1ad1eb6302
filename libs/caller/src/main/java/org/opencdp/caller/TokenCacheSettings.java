package org.opencdp.caller;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The cache of verified access tokens ({@link VerifiedTokenCache}). The defaults are in libs/service-defaults; env:
 * {@code OPENCDP_TOKEN_CACHE_ENABLED}, {@code OPENCDP_TOKEN_CACHE_MAX_SIZE}, {@code OPENCDP_TOKEN_CACHE_TIME_TO_LIVE}.
 */
@ConfigMapping(prefix = "opencdp.token-cache")
public interface TokenCacheSettings {

    /** Off: every request's token is verified by quarkus-oidc again, as without the cache. */
    boolean enabled();

    /** Tokens remembered at most; beyond it the least used are dropped. */
    long maxSize();

    /**
     * The longest a verified token is remembered, however long it is valid: how long a token signed with a key the
     * realm has since removed, or a changed role rule of the realm, may still be accepted by this replica.
     */
    Duration timeToLive();
}
