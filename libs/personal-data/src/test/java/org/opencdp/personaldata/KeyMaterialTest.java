package org.opencdp.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final String KEY = Base64.getEncoder().encodeToString(AesGcm.randomKey());

    @Test
    void aMissingMasterKeyStopsTheServiceWithTheVariableToSet() {
        assertThatThrownBy(() -> KeyMaterial.from(Optional.empty(), "k1", Optional.empty(), Optional.of(KEY)))
                .isInstanceOf(InvalidKeyConfigurationException.class)
                .hasMessageContaining("OPENCDP_PERSONAL_DATA_MASTER_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aShortOrGarbledKeyIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyMaterial.from(Optional.of(shortKey), "k1", Optional.empty(), Optional.of(KEY)))
                .hasMessageContaining("must be 32 bytes")
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> KeyMaterial.from(Optional.of(KEY), "k1", Optional.empty(), Optional.of("%%%")))
                .hasMessageContaining("OPENCDP_PERSONAL_DATA_BLIND_INDEX_KEY is not valid base64");
    }

    @Test
    void previousMasterKeysAreReadById() {
        KeyMaterial keys =
                KeyMaterial.from(Optional.of(KEY), "k2", Optional.of("k1:" + KEY + ", k0:" + KEY), Optional.of(KEY));
        assertThat(keys.activeMasterKeyId()).isEqualTo("k2");
        assertThat(keys.masterKey("k1")).isPresent();
        assertThat(keys.masterKey("k0")).isPresent();
        assertThat(keys.masterKey("k9")).isEmpty();
        assertThat(keys.toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> KeyMaterial.from(Optional.of(KEY), "k2", Optional.of("nocolon"), Optional.of(KEY)))
                .hasMessageContaining("id:base64");
    }
}
