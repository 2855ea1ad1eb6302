package org.opencdp.personaldata;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Encrypts and decrypts one subject's field values with the subject's own key. */
@ApplicationScoped
public class PersonalDataCipher {

    @Inject
    SubjectKeyVault vault;

    /** Encrypts with the subject's key, creating the key on first use. Null stays null. */
    public byte[] encrypt(UUID subjectId, String field, String value) {
        return value == null ? null : vault.keyFor(subjectId).encrypt(field, value);
    }

    /** Throws {@link SubjectKeyDestroyedException} once the subject's key is destroyed. */
    public String decrypt(UUID subjectId, String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return vault.existingKey(subjectId)
                .orElseThrow(() -> new SubjectKeyDestroyedException(subjectId))
                .decrypt(field, ciphertext);
    }
}
