package org.opencdp.audit;

import java.time.Period;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The key of the audit chain, from the environment only (Kubernetes Secret; the local run generates it once into
 * .run/secrets.env), never from the database it protects. 32 random bytes, base64: {@code openssl rand -base64 32}.
 */
@ConfigMapping(prefix = "opencdp.audit")
public interface AuditConfig {

    /** Keys new entries' HMACs. Env: OPENCDP_AUDIT_CHAIN_KEY. */
    Optional<String> chainKey();

    /** Stored with each entry, so the key can be rotated. Env: OPENCDP_AUDIT_CHAIN_KEY_ID. */
    @WithDefault("a1")
    String chainKeyId();

    /**
     * Retired chain keys that still verify older entries: comma-separated {@code id:base64}. A retired key stays
     * here as long as entries keyed with it are kept. Env: OPENCDP_AUDIT_PREVIOUS_CHAIN_KEYS.
     */
    Optional<String> previousChainKeys();

    /**
     * How long entries are kept (ISO-8601 period, at least P1Y); whole months older than that are deleted daily by
     * {@link AuditRetention}. Unset: kept for good. Env: OPENCDP_AUDIT_RETENTION.
     */
    Optional<Period> retention();

    /** When the daily deletion of expired months runs (Quarkus cron; set in libs/service-defaults). */
    String retentionCron();
}
