package org.opencdp.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One subject's data key, unwrapped, for the length of a use case. Never cached beyond that: a destroyed key
 * must be gone everywhere.
 */
public final class SubjectKey {

    private final UUID subjectId;
    private final SecretKey key;

    SubjectKey(UUID subjectId, byte[] keyBytes) {
        this.subjectId = subjectId;
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    public UUID subjectId() {
        return subjectId;
    }

    /** Encrypts one field's value; null stays null. The field name binds the ciphertext to that field. */
    public byte[] encrypt(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return AesGcm.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(subjectId, field));
    }

    public String decrypt(String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(AesGcm.decrypt(key, ciphertext, associatedData(subjectId, field)), StandardCharsets.UTF_8);
    }

    static byte[] associatedData(UUID subjectId, String label) {
        byte[] text = label.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + text.length)
                .putLong(subjectId.getMostSignificantBits())
                .putLong(subjectId.getLeastSignificantBits())
                .put(text)
                .array();
    }

    @Override
    public String toString() {
        return "SubjectKey[" + subjectId + "]";
    }
}
