package org.opencdp.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SubjectKeyTest {

    private final UUID subject = UUID.randomUUID();
    private final SubjectKey key = new SubjectKey(subject, AesGcm.randomKey());

    @Test
    void aValueComesBackAsItWent() {
        assertThat(key.decrypt("name", key.encrypt("name", "Jürgen Müller"))).isEqualTo("Jürgen Müller");
        assertThat(key.encrypt("name", null)).isNull();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(key.encrypt("name", "Erika")).isNotEqualTo(key.encrypt("name", "Erika"));
    }

    @Test
    void aTamperedCiphertextFails() {
        byte[] sealed = key.encrypt("name", "Erika");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> key.decrypt("name", sealed)).isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> key.decrypt("name", new byte[3])).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherFieldOrSubject() {
        byte[] sealed = key.encrypt("name", "Erika");
        assertThatThrownBy(() -> key.decrypt("email", sealed)).isInstanceOf(TamperedCiphertextException.class);
        byte[] sameKeyBytes = AesGcm.randomKey();
        SubjectKey one = new SubjectKey(UUID.randomUUID(), sameKeyBytes);
        SubjectKey other = new SubjectKey(UUID.randomUUID(), sameKeyBytes);
        assertThatThrownBy(() -> other.decrypt("name", one.encrypt("name", "Erika")))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        SubjectKey other = new SubjectKey(subject, AesGcm.randomKey());
        assertThatThrownBy(() -> other.decrypt("name", key.encrypt("name", "Erika")))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void keyMaterialIsNeverPrinted() {
        assertThat(key.toString()).isEqualTo("SubjectKey[" + subject + "]");
    }
}
