package org.opencdp.personaldata;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Key material, from the environment only (Kubernetes Secrets; the local run generates it once into
 * .run/secrets.env). Each key is 32 random bytes, base64-encoded: {@code openssl rand -base64 32}.
 */
@ConfigMapping(prefix = "opencdp.personal-data")
public interface PersonalDataConfig {

    /** Wraps the subjects' data keys. Env: OPENCDP_PERSONAL_DATA_MASTER_KEY. */
    Optional<String> masterKey();

    /** Names the master key in each wrapped key, so keys can be rotated. Env: OPENCDP_PERSONAL_DATA_MASTER_KEY_ID. */
    @WithDefault("k1")
    String masterKeyId();

    /**
     * Retired master keys that still unwrap older data keys until {@link SubjectKeyVault#rewrapUnderActiveMasterKey}
     * has moved them: comma-separated {@code id:base64}. Env: OPENCDP_PERSONAL_DATA_PREVIOUS_MASTER_KEYS.
     */
    Optional<String> previousMasterKeys();

    /** Keys the blind indexes (HMAC). Env: OPENCDP_PERSONAL_DATA_BLIND_INDEX_KEY. */
    Optional<String> blindIndexKey();

    /** How long after a start {@link MasterKeyRotation} first re-wraps keys (a duration, e.g. 30s). */
    String rewrapDelay();

    /** How often it runs afterwards (e.g. 1h). */
    String rewrapInterval();

    /** How many keys one transaction of the key database re-wraps. */
    @WithDefault("500")
    int rewrapBatchSize();
}
