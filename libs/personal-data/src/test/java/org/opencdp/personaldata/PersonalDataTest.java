package org.opencdp.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class PersonalDataTest {

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SubjectKeyVault vault;

    @Inject
    BlindIndex index;

    @Inject
    MasterKeyRotation rotation;

    private void store(UUID subject, String body) {
        TestDatabase.execute(
                "INSERT INTO secret_note (subject_id, body) VALUES (?, ?)",
                subject,
                cipher.encrypt(subject, "note", body));
    }

    private byte[] storedBody(UUID subject) {
        return (byte[]) TestDatabase.rows("SELECT body FROM secret_note WHERE subject_id = ?", subject)
                .get(0)
                .get("body");
    }

    @Test
    void aValueReadStraightFromTheDatabaseRevealsNothing() {
        UUID subject = UUID.randomUUID();
        store(subject, "Erika Mustermann, erika@example.de");
        byte[] stored = storedBody(subject);
        for (String view :
                List.of(new String(stored, StandardCharsets.UTF_8), new String(stored, StandardCharsets.ISO_8859_1))) {
            assertThat(view).doesNotContain("Erika", "Mustermann", "example.de");
        }
        assertThat(cipher.decrypt(subject, "note", stored)).isEqualTo("Erika Mustermann, erika@example.de");
    }

    @Test
    void theStoredKeyIsWrappedNotTheDataKey() {
        UUID subject = UUID.randomUUID();
        store(subject, "x");
        Map<String, Object> row = TestDatabase.KEYS
                .query("SELECT * FROM subject_key WHERE subject_id = ?", subject)
                .get(0);
        byte[] wrapped = (byte[]) row.get("wrapped_key");
        assertThat(wrapped.length).isGreaterThan(32);
        assertThat(row.get("master_key_id")).isEqualTo("k1");
        // The wrapped bytes do not decrypt the data: only unwrapping with the master key does.
        byte[] stored = storedBody(subject);
        assertThatThrownBy(() ->
                        new SubjectKey(subject, java.util.Arrays.copyOfRange(wrapped, 13, 45)).decrypt("note", stored))
                .isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void afterKeyDestructionEveryCopyIsUnreadable() {
        UUID subject = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        store(subject, "Erika");
        store(bystander, "Max");
        byte[] backup = storedBody(subject).clone();

        assertThat(vault.destroy(subject)).isTrue();
        assertThat(vault.destroy(subject)).isFalse();

        assertThatThrownBy(() -> cipher.decrypt(subject, "note", storedBody(subject)))
                .isInstanceOf(SubjectKeyDestroyedException.class)
                .hasMessageNotContaining("Erika");
        assertThatThrownBy(() -> cipher.decrypt(subject, "note", backup))
                .isInstanceOf(SubjectKeyDestroyedException.class);
        assertThat(cipher.decrypt(bystander, "note", storedBody(bystander))).isEqualTo("Max");
    }

    @Test
    void theKeysLiveInTheKeyDatabaseNeverInTheDataDatabase() {
        UUID subject = UUID.randomUUID();
        store(subject, "Erika");
        assertThat(TestDatabase.KEYS.number("SELECT count(*) FROM subject_key WHERE subject_id = ?", subject))
                .isOne();
        // Not even the old table: the data database and its backups hold ciphertext only.
        assertThat(TestDatabase.rows("SELECT to_regclass('subject_key') AS t")
                        .get(0)
                        .get("t"))
                .isNull();
    }

    @Test
    void anErasedSubjectGetsNoNewKeySoALateWriteCannotBringItsDataBack() {
        UUID subject = UUID.randomUUID();
        store(subject, "Erika");
        byte[] backup = storedBody(subject);
        vault.destroy(subject);

        assertThatThrownBy(() -> vault.keyFor(subject))
                .isInstanceOf(SubjectErasedException.class)
                .hasMessageContaining(subject.toString());
        assertThatThrownBy(() -> vault.newKey(subject)).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> cipher.encrypt(subject, "note", "Erika again"))
                .isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> cipher.decrypt(subject, "note", backup))
                .isInstanceOf(SubjectKeyDestroyedException.class);
        assertThat(vault.isErased(subject)).isTrue();
        // The tombstone: the subject id and when, no key.
        Map<String, Object> tombstone = TestDatabase.KEYS
                .query("SELECT * FROM subject_key WHERE subject_id = ?", subject)
                .get(0);
        assertThat(tombstone.get("wrapped_key")).isNull();
        assertThat(tombstone.get("master_key_id")).isNull();
        assertThat(tombstone.get("erased_at")).isNotNull();
    }

    @Test
    void aSubjectErasedBeforeItEverHadAKeyIsRefusedToo() {
        UUID subject = UUID.randomUUID();
        assertThat(vault.destroy(subject)).isFalse();
        assertThatThrownBy(() -> vault.keyFor(subject)).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void theApplicationRoleCannotRemoveOrReviveATombstone() throws Exception {
        UUID subject = UUID.randomUUID();
        store(subject, "Erika");
        vault.destroy(subject);
        try (Connection c = applicationConnectionToTheKeyDatabase()) {
            assertThatThrownBy(() -> execute(c, "DELETE FROM subject_key WHERE subject_id = ?", subject))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(
                            c,
                            "UPDATE subject_key SET erased_at = NULL, master_key_id = 'k1', wrapped_key = '\\x00'"
                                    + " WHERE subject_id = ?",
                            subject))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("tombstone cannot be changed");
        }
        assertThat(vault.isErased(subject)).isTrue();
    }

    private static Connection applicationConnectionToTheKeyDatabase() throws SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.keys.jdbc.url", String.class),
                config.getValue("quarkus.datasource.keys.username", String.class),
                config.getValue("quarkus.datasource.keys.password", String.class));
    }

    private static void execute(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }

    @Test
    void aNewSubjectsKeyIsTheOneLaterLookupsFindAndCannotBeCreatedTwice() {
        UUID subject = UUID.randomUUID();
        byte[] ciphertext = vault.newKey(subject).encrypt("note", "Erika");

        assertThat(cipher.decrypt(subject, "note", ciphertext)).isEqualTo("Erika");
        assertThat(vault.keyFor(subject).encrypt("note", "x")).isNotNull();
        assertThatThrownBy(() -> vault.newKey(subject)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.decrypt(subject, "note", ciphertext)).isEqualTo("Erika");
    }

    @Test
    void keysForNewSubjectsAreCommittedBeforeUseAndEachIsHandedOutOnce() {
        // More than one batch, so that the second batch is made too.
        int count = SubjectKeyVault.NEW_SUBJECT_KEYS_PER_BATCH + 2;
        java.util.Set<UUID> subjects = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            SubjectKey key = vault.keyForNewSubject();
            byte[] ciphertext = key.encrypt("note", "Erika " + i);
            assertThat(subjects.add(key.subjectId())).isTrue();
            // Committed in the key database already, wrapped under the active master key: a lookup finds it.
            assertThat(cipher.decrypt(key.subjectId(), "note", ciphertext)).isEqualTo("Erika " + i);
            assertThat(TestDatabase.KEYS
                            .query("SELECT master_key_id FROM subject_key WHERE subject_id = ?", key.subjectId())
                            .get(0)
                            .get("master_key_id"))
                    .isEqualTo("k1");
            assertThatThrownBy(() -> vault.newKey(key.subjectId())).isInstanceOf(IllegalStateException.class);
        }
        assertThat(subjects).hasSize(count);
    }

    @Test
    void aNewSubjectsKeyIsErasedLikeAnyOther() {
        SubjectKey key = vault.keyForNewSubject();
        byte[] ciphertext = key.encrypt("note", "Erika");
        assertThat(vault.destroy(key.subjectId())).isTrue();
        assertThatThrownBy(() -> cipher.decrypt(key.subjectId(), "note", ciphertext))
                .isInstanceOf(SubjectKeyDestroyedException.class);
    }

    @Test
    void keysOfManySubjectsComeInOneLookup() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        store(one, "a");
        store(two, "b");
        assertThat(vault.existingKeys(List.of(one, two, UUID.randomUUID()))).containsOnlyKeys(one, two);
    }

    @Test
    void blindIndexesAreDeterministicKeyedAndSeparatedByKind() {
        assertThat(index.exact("EMAIL", "erika@example.de"))
                .isEqualTo(index.exact("EMAIL", "erika@example.de"))
                .hasSize(16);
        assertThat(index.exact("EMAIL", "erika@example.de")).isNotEqualTo(index.exact("NAME", "erika@example.de"));
        assertThat(index.tokens("NAME", "Müller-Lüdenscheidt")).hasSize(2);
        assertThat(index.tokens("NAME", "MULLER").get(0))
                .isEqualTo(index.tokens("NAME", "Müller").get(0));
        // Without the key the hash cannot be reproduced: a plain SHA-256 of the value is something else.
        assertThat(index.exact("EMAIL", "erika@example.de"))
                .isNotEqualTo(java.util.Arrays.copyOf(sha256("EMAIL\0erika@example.de"), 16));
    }

    @Test
    void rotationKeepsOldKeysReadableAndRewrapsThemUnderTheNewMasterKey() {
        UUID subject = UUID.randomUUID();
        store(subject, "Erika");
        String oldKey = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("opencdp.personal-data.master-key", String.class);
        String newKey = Base64.getEncoder().encodeToString(AesGcm.randomKey());
        String blindKey = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("opencdp.personal-data.blind-index-key", String.class);
        KeyMaterial before = vault.keys();
        try {
            // What an operator does: new active key k2, the old one listed as previous.
            vault.useKeys(
                    KeyMaterial.from(Optional.of(newKey), "k2", Optional.of("k1:" + oldKey), Optional.of(blindKey)));
            assertThat(cipher.decrypt(subject, "note", storedBody(subject))).isEqualTo("Erika");
            assertThat(rotation.rewrapAll()).isPositive();
            assertThat(vault.keysUnderOlderMasterKeys()).isZero();
            assertThat(TestDatabase.KEYS.number(
                            "SELECT count(*) FROM subject_key WHERE erased_at IS NULL AND master_key_id <> 'k2'"))
                    .isZero();
            // The old master key can now be retired.
            vault.useKeys(KeyMaterial.from(Optional.of(newKey), "k2", Optional.empty(), Optional.of(blindKey)));
            assertThat(cipher.decrypt(subject, "note", storedBody(subject))).isEqualTo("Erika");
        } finally {
            // Put every key back under k1 for the other tests.
            vault.useKeys(
                    KeyMaterial.from(Optional.of(oldKey), "k1", Optional.of("k2:" + newKey), Optional.of(blindKey)));
            while (vault.rewrapUnderActiveMasterKey(100) > 0) {
                // drain
            }
            vault.useKeys(before);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
