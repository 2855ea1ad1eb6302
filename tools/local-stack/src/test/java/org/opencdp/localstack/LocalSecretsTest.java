package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path stateDir;

    @Test
    void theFirstStartGeneratesThreeDistinctRandom32ByteKeys() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(stateDir.resolve("secrets.env"));

        String master = secrets.environment().get(LocalSecrets.MASTER_KEY);
        String blindIndex = secrets.environment().get(LocalSecrets.BLIND_INDEX_KEY);
        String auditChain = secrets.environment().get(LocalSecrets.AUDIT_CHAIN_KEY);
        assertThat(Base64.getDecoder().decode(master)).hasSize(32);
        assertThat(Base64.getDecoder().decode(blindIndex)).hasSize(32);
        assertThat(Base64.getDecoder().decode(auditChain)).hasSize(32);
        assertThat(List.of(master, blindIndex, auditChain)).doesNotHaveDuplicates();
        assertThat(secrets.environment())
                .containsOnlyKeys(LocalSecrets.MASTER_KEY, LocalSecrets.BLIND_INDEX_KEY, LocalSecrets.AUDIT_CHAIN_KEY);
    }

    @Test
    void aSuiteFromBeforeTheAuditChainKeyGetsOneAddedAndKeepsItsPersonalDataKeys() throws Exception {
        Path file = stateDir.resolve("secrets.env");
        String master = Base64.getEncoder().encodeToString(new byte[32]);
        String blindIndex = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());
        Files.writeString(
                file,
                LocalSecrets.MASTER_KEY + "=" + master + "\n" + LocalSecrets.BLIND_INDEX_KEY + "=" + blindIndex + "\n");

        LocalSecrets secrets = LocalSecrets.loadOrCreate(file);

        assertThat(secrets.environment())
                .containsEntry(LocalSecrets.MASTER_KEY, master)
                .containsEntry(LocalSecrets.BLIND_INDEX_KEY, blindIndex);
        assertThat(Base64.getDecoder().decode(secrets.environment().get(LocalSecrets.AUDIT_CHAIN_KEY)))
                .hasSize(32);
        assertThat(LocalSecrets.loadOrCreate(file).environment()).isEqualTo(secrets.environment());
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
