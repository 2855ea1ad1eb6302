package org.opencdp.personaldata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps one data key per subject, wrapped by the master key, in this service's own database. Plain JDBC on the
 * service's data source, so it joins the caller's transaction: a key and the data it encrypts commit together.
 */
@ApplicationScoped
public class SubjectKeyVault {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataConfig config;

    private volatile KeyMaterial keys;

    /** The subject's key, created on first use. Safe when two transactions create it at once. */
    @Transactional
    public SubjectKey keyFor(UUID subjectId) {
        Optional<SubjectKey> existing = existingKey(subjectId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SubjectKey created = insertFreshKey(subjectId);
        // Null: another transaction created it first; use that one.
        return created != null
                ? created
                : existingKey(subjectId).orElseThrow(() -> new SubjectKeyDestroyedException(subjectId));
    }

    /**
     * The key of a subject whose id was just generated, so that it cannot have one yet: one statement instead of
     * a lookup and an insert, which matters on the create path.
     *
     * @throws IllegalStateException if the subject has a key after all
     */
    @Transactional
    public SubjectKey newKey(UUID subjectId) {
        SubjectKey created = insertFreshKey(subjectId);
        if (created == null) {
            throw new IllegalStateException("subject " + subjectId + " already has a data key");
        }
        return created;
    }

    /** Null if the subject already has a key. */
    private SubjectKey insertFreshKey(UUID subjectId) {
        byte[] fresh = AesGcm.randomKey();
        KeyMaterial material = keys();
        byte[] wrapped = wrap(material.activeMasterKeyId(), material.activeMasterKey(), subjectId, fresh);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO subject_key (subject_id, master_key_id, wrapped_key) VALUES (?, ?, ?)
                        ON CONFLICT (subject_id) DO NOTHING""")) {
            insert.setObject(1, subjectId);
            insert.setString(2, material.activeMasterKeyId());
            insert.setBytes(3, wrapped);
            return insert.executeUpdate() == 1 ? new SubjectKey(subjectId, fresh) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the data key of subject " + subjectId, e);
        }
    }

    @Transactional
    public Optional<SubjectKey> existingKey(UUID subjectId) {
        return Optional.ofNullable(existingKeys(List.of(subjectId)).get(subjectId));
    }

    /** The keys of those subjects that have one, with one query. */
    @Transactional
    public Map<UUID, SubjectKey> existingKeys(Collection<UUID> subjectIds) {
        Map<UUID, SubjectKey> found = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT subject_id, master_key_id, wrapped_key FROM subject_key WHERE subject_id = ANY(?)")) {
            select.setArray(1, c.createArrayOf("uuid", subjectIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID subject = rs.getObject(1, UUID.class);
                    found.put(subject, new SubjectKey(subject, unwrap(subject, rs.getString(2), rs.getBytes(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read data keys", e);
        }
        return found;
    }

    /**
     * Crypto-shredding: deletes the subject's key, so every copy of its encrypted data, in this database, its
     * replicas and its backups, can no longer be decrypted. Returns whether a key existed.
     */
    @Transactional
    public boolean destroy(UUID subjectId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM subject_key WHERE subject_id = ?")) {
            delete.setObject(1, subjectId);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot destroy the data key of subject " + subjectId, e);
        }
    }

    /**
     * Master key rotation: re-wraps up to {@code batchSize} keys that are still under an older master key with the
     * active one. Returns how many; call until it returns 0, then retire the old master key.
     */
    @Transactional
    public int rewrapUnderActiveMasterKey(int batchSize) {
        KeyMaterial material = keys();
        List<Object[]> rewrapped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT subject_id, master_key_id, wrapped_key FROM subject_key WHERE master_key_id <> ?
                    LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setString(1, material.activeMasterKeyId());
                select.setInt(2, batchSize);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID subject = rs.getObject(1, UUID.class);
                        byte[] key = unwrap(subject, rs.getString(2), rs.getBytes(3));
                        rewrapped.add(new Object[] {
                            subject, wrap(material.activeMasterKeyId(), material.activeMasterKey(), subject, key)
                        });
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE subject_key SET master_key_id = ?, wrapped_key = ? WHERE subject_id = ?")) {
                for (Object[] row : rewrapped) {
                    update.setString(1, material.activeMasterKeyId());
                    update.setBytes(2, (byte[]) row[1]);
                    update.setObject(3, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-wrap data keys", e);
        }
        return rewrapped.size();
    }

    private byte[] unwrap(UUID subjectId, String masterKeyId, byte[] wrapped) {
        SecretKey master = keys().masterKey(masterKeyId)
                .orElseThrow(() -> new InvalidKeyConfigurationException("a data key is wrapped under master key '"
                        + masterKeyId + "', which is not configured: add it to "
                        + "OPENCDP_PERSONAL_DATA_PREVIOUS_MASTER_KEYS"));
        return AesGcm.decrypt(master, wrapped, SubjectKey.associatedData(subjectId, "subject-key:" + masterKeyId));
    }

    private static byte[] wrap(String masterKeyId, SecretKey master, UUID subjectId, byte[] key) {
        return AesGcm.encrypt(master, key, SubjectKey.associatedData(subjectId, "subject-key:" + masterKeyId));
    }

    /** For rotation drills in tests: switch the key material without a restart. */
    void useKeys(KeyMaterial material) {
        keys = material;
    }

    KeyMaterial keys() {
        KeyMaterial material = keys;
        if (material == null) {
            material = KeyMaterial.from(config);
            keys = material;
        }
        return material;
    }
}
