package org.opencdp.audit;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/**
 * The chain keys by id: the current one keys new entries, retired ones still verify older entries. A service
 * refuses to start without a valid current key, rather than record a trail that anyone with database access could
 * rewrite. Key values never appear in messages.
 */
@ApplicationScoped
class ChainKeys {

    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_ID = "[A-Za-z0-9._-]{1,20}";

    @Inject
    AuditConfig config;

    private volatile Keys keys;

    void onStart(@Observes StartupEvent started) {
        keys();
    }

    String currentId() {
        return keys().currentId();
    }

    SecretKey current() {
        return keys().byId().get(currentId());
    }

    /** The key of that id, empty when this service does not know it (any more). */
    Optional<SecretKey> byId(String keyId) {
        return Optional.ofNullable(keys().byId().get(keyId));
    }

    private Keys keys() {
        if (keys == null) {
            keys = parse(config.chainKey(), config.chainKeyId(), config.previousChainKeys());
        }
        return keys;
    }

    static Keys parse(Optional<String> current, String currentId, Optional<String> previous) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        byId.put(keyId(currentId, "OPENCDP_AUDIT_CHAIN_KEY_ID"), decode(current, "OPENCDP_AUDIT_CHAIN_KEY"));
        previous.filter(p -> !p.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.strip().split(":", 2);
                if (idAndKey.length != 2) {
                    throw new IllegalStateException("OPENCDP_AUDIT_PREVIOUS_CHAIN_KEYS must be comma-separated "
                            + "id:base64 entries, e.g. a1:AAAA...=");
                }
                String id = keyId(idAndKey[0].strip(), "a key id in OPENCDP_AUDIT_PREVIOUS_CHAIN_KEYS");
                byId.putIfAbsent(id, decode(Optional.of(idAndKey[1]), "the previous chain key " + id));
            }
        });
        return new Keys(currentId, Map.copyOf(byId));
    }

    private static String keyId(String id, String name) {
        if (id == null || !id.matches(KEY_ID)) {
            throw new IllegalStateException(name + " must be 1-20 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static SecretKey decode(Optional<String> base64, String name) {
        String value = base64.map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException(name + " is not set. The audit chain is keyed with it "
                        + "(HMAC-SHA256), so that nobody with access to the database alone can rewrite the trail. "
                        + "Set it to 32 random bytes in base64 (openssl rand -base64 32) from a secret, never from "
                        + "the database, and keep it as long as the entries it keyed are kept."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64 (openssl rand -base64 32 makes one).");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    name + " must be " + KEY_BYTES + " bytes, base64-encoded; it is " + bytes.length + " bytes.");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    record Keys(String currentId, Map<String, SecretKey> byId) {
        @Override
        public String toString() {
            return "ChainKeys" + byId.keySet() + ", current " + currentId;
        }
    }
}
