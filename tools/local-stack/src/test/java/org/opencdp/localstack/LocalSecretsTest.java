package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path stateDir;

    @Test
    void theFirstStartGeneratesTwoDistinctRandom32ByteKeys() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(stateDir.resolve("secrets.env"));

        String master = secrets.environment().get(LocalSecrets.MASTER_KEY);
        String blindIndex = secrets.environment().get(LocalSecrets.BLIND_INDEX_KEY);
        assertThat(Base64.getDecoder().decode(master)).hasSize(32);
        assertThat(Base64.getDecoder().decode(blindIndex)).hasSize(32);
        assertThat(master).isNotEqualTo(blindIndex);
        assertThat(secrets.environment()).containsOnlyKeys(LocalSecrets.MASTER_KEY, LocalSecrets.BLIND_INDEX_KEY);
    }

    @Test
    void laterStartsReuseTheKeysSoStoredDataStaysReadable() {
        Path file = stateDir.resolve("secrets.env");
        LocalSecrets first = LocalSecrets.loadOrCreate(file);

        LocalSecrets second = LocalSecrets.loadOrCreate(file);

        assertThat(second.environment()).isEqualTo(first.environment());
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = stateDir.resolve("nested/secrets.env");
        LocalSecrets.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileIsReportedAndNeverOverwritten() throws Exception {
        Path file = stateDir.resolve("secrets.env");
        Files.writeString(file, LocalSecrets.MASTER_KEY + "=not-base64!\n");

        assertThatThrownBy(() -> LocalSecrets.loadOrCreate(file))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining(LocalSecrets.MASTER_KEY)
                .hasMessageContaining("make reset");
        assertThat(Files.readString(file)).isEqualTo(LocalSecrets.MASTER_KEY + "=not-base64!\n");
    }

    @Test
    void theKeysNeverAppearInTheTextForm() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(stateDir.resolve("secrets.env"));

        assertThat(secrets.toString()).doesNotContain(secrets.environment().get(LocalSecrets.MASTER_KEY));
    }
}
