package org.opencdp.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Mac;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keyed blind indexes: HMAC-SHA256 of a normalised value under the blind-index key, so a service can find
 * "the customer with this phone number" without decrypting anything and without storing a hash that anyone
 * without the key could reproduce. The kind ("EMAIL", "PHONE", …) separates domains: equal values of different
 * kinds never share a hash. Hashes are truncated to 16 bytes: 128 bits keep accidental collisions out of reach
 * and halve the index.
 */
@ApplicationScoped
public class BlindIndex {

    static final int HASH_BYTES = 16;

    @Inject
    SubjectKeyVault vault;

    /** The index hash of an already normalised value (see {@link Normalise}). */
    public byte[] exact(String kind, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(vault.keys().blindIndexKey());
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)), HASH_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** One hash per distinct word of the text ({@link Normalise#tokens(String)}). */
    public List<byte[]> tokens(String kind, String text) {
        return Normalise.tokens(text).stream().map(token -> exact(kind, token)).toList();
    }
}
