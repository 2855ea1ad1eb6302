package org.opencdp.personaldata;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of {@link PersonalDataConfig}, decoded and checked. A service refuses to start without them, with a
 * message an operator can act on, rather than running with no or weak encryption.
 */
public final class KeyMaterial {

    static final int KEY_BYTES = 32;

    private final String activeMasterKeyId;
    private final Map<String, SecretKey> masterKeys;
    private final SecretKey blindIndexKey;

    private KeyMaterial(String activeMasterKeyId, Map<String, SecretKey> masterKeys, SecretKey blindIndexKey) {
        this.activeMasterKeyId = activeMasterKeyId;
        this.masterKeys = Map.copyOf(masterKeys);
        this.blindIndexKey = blindIndexKey;
    }

    public static KeyMaterial from(PersonalDataConfig config) {
        return from(config.masterKey(), config.masterKeyId(), config.previousMasterKeys(), config.blindIndexKey());
    }

    static KeyMaterial from(
            Optional<String> masterKey, String masterKeyId, Optional<String> previous, Optional<String> blindIndexKey) {
        Map<String, SecretKey> masters = new LinkedHashMap<>();
        masters.put(masterKeyId, decode(masterKey, "OPENCDP_PERSONAL_DATA_MASTER_KEY", "AES"));
        previous.filter(p -> !p.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.strip().split(":", 2);
                if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                    throw new InvalidKeyConfigurationException("OPENCDP_PERSONAL_DATA_PREVIOUS_MASTER_KEYS must be "
                            + "comma-separated id:base64 entries, e.g. k1:AAAA...=");
                }
                masters.putIfAbsent(
                        idAndKey[0].strip(),
                        decode(
                                Optional.of(idAndKey[1].strip()),
                                "the previous master key " + idAndKey[0].strip(),
                                "AES"));
            }
        });
        return new KeyMaterial(
                masterKeyId, masters, decode(blindIndexKey, "OPENCDP_PERSONAL_DATA_BLIND_INDEX_KEY", "HmacSHA256"));
    }

    private static SecretKey decode(Optional<String> base64, String name, String algorithm) {
        String value = base64.map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(
                        () -> new InvalidKeyConfigurationException(
                                name + " is not set. Personal data is "
                                        + "encrypted and cannot be stored without it. Set it to 32 random bytes in base64 "
                                        + "(openssl rand -base64 32) from a secret; keep it: data encrypted under it is lost without it."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyConfigurationException(
                    name + " is not valid base64 (openssl rand -base64 32 makes one).");
        }
        if (bytes.length != KEY_BYTES) {
            throw new InvalidKeyConfigurationException(
                    name + " must be " + KEY_BYTES + " bytes, base64-encoded; it is " + bytes.length + " bytes.");
        }
        return new SecretKeySpec(bytes, algorithm);
    }

    public String activeMasterKeyId() {
        return activeMasterKeyId;
    }

    SecretKey activeMasterKey() {
        return masterKeys.get(activeMasterKeyId);
    }

    Optional<SecretKey> masterKey(String id) {
        return Optional.ofNullable(masterKeys.get(id));
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public String toString() {
        return "KeyMaterial[master keys " + masterKeys.keySet() + ", active " + activeMasterKeyId + "]";
    }
}
