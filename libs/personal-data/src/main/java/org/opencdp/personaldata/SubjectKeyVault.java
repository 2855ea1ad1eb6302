package org.opencdp.personaldata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Keeps one data key per subject, wrapped by the master key, in the service's key database (datasource
 * {@code keys}), apart from its data database so that the data's backups never hold a key (docs/security.md).
 *
 * <p>The key database takes no part in the caller's transaction (its datasource has JTA switched off): each
 * statement here commits on its own. A subject's key is therefore committed before the data encrypted with it; if
 * that data's transaction rolls back, the key is an orphan that encrypts nothing, harmless. Erasure destroys the key
 * after the data's erasure committed ({@code libs/subject-rights}), leaving a tombstone that refuses any new key for
 * the subject.
 */
@ApplicationScoped
public class SubjectKeyVault {

    /** The second datasource, the service's key database. */
    public static final String DATASOURCE = "keys";

    private static final int DESTROY_ATTEMPTS = 3;

    /**
     * Keys for new subjects made and committed at once ({@link #keyForNewSubject}): one round trip and one commit of
     * the key database for this many creates instead of one each.
     */
    static final int NEW_SUBJECT_KEYS_PER_BATCH = 32;

    @Inject
    @DataSource(DATASOURCE)
    AgroalDataSource keyDatabase;

    @Inject
    PersonalDataConfig config;

    private volatile KeyMaterial keys;

    /** Committed keys under fresh random subject ids that nobody knows yet; see {@link #keyForNewSubject}. */
    private final ConcurrentLinkedQueue<SubjectKey> unusedNewSubjectKeys = new ConcurrentLinkedQueue<>();

    private final ReentrantLock makingNewSubjectKeys = new ReentrantLock();

    /**
     * The subject's key, created on first use. Safe when two callers create it at once.
     *
     * @throws SubjectErasedException if the subject was erased
     */
    public SubjectKey keyFor(UUID subjectId) {
        Optional<SubjectKey> existing = existingKey(subjectId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SubjectKey created = insertFreshKey(subjectId);
        if (created != null) {
            return created;
        }
        // Another caller created it first (use that one), or it was erased meanwhile.
        return existingKey(subjectId).orElseThrow(() -> new SubjectErasedException(subjectId));
    }

    /**
     * The key of a subject whose id was just generated, so that it cannot have one yet: one statement instead of
     * a lookup and an insert, which matters on the create path.
     *
     * @throws IllegalStateException if the subject has a key after all
     * @throws SubjectErasedException if the subject was erased
     */
    public SubjectKey newKey(UUID subjectId) {
        SubjectKey created = insertFreshKey(subjectId);
        if (created == null) {
            if (isErased(subjectId)) {
                throw new SubjectErasedException(subjectId);
            }
            throw new IllegalStateException("subject " + subjectId + " already has a data key");
        }
        return created;
    }

    /**
     * A new subject: a fresh random id with its key, already committed in the key database, so that data encrypted
     * with it may be stored at once (the key is committed before the data, as with {@link #newKey}). The keys are
     * made {@value #NEW_SUBJECT_KEYS_PER_BATCH} at a time, in one round trip and one commit of the key database, and
     * each is handed out once; the creates on the service's hot path (a customer) then no longer wait for the key
     * database each. Until it is handed out, a key belongs to an id that no data and no request refers to, so
     * nothing can erase it meanwhile; the few left when the service stops are orphans, harmless like the key of a
     * create that rolled back (docs/security.md).
     */
    public SubjectKey keyForNewSubject() {
        SubjectKey key = unusedNewSubjectKeys.poll();
        if (key != null) {
            return key;
        }
        makingNewSubjectKeys.lock();
        try {
            // Another caller may have made a batch while this one waited for the lock.
            key = unusedNewSubjectKeys.poll();
            if (key == null) {
                List<SubjectKey> made = insertNewSubjectKeys(NEW_SUBJECT_KEYS_PER_BATCH);
                key = made.getFirst();
                unusedNewSubjectKeys.addAll(made.subList(1, made.size()));
            }
            return key;
        } finally {
            makingNewSubjectKeys.unlock();
        }
    }

    /** Keys under fresh random ids, inserted in one transaction of the key database. */
    private List<SubjectKey> insertNewSubjectKeys(int count) {
        KeyMaterial material = keys();
        List<SubjectKey> made = inKeyTransaction("cannot store data keys for new subjects", c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_KEY)) {
                List<SubjectKey> candidates = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    UUID subjectId = UUID.randomUUID();
                    byte[] fresh = AesGcm.randomKey();
                    bindKey(c, insert, material, subjectId, fresh);
                    insert.addBatch();
                    candidates.add(new SubjectKey(subjectId, fresh));
                }
                int[] inserted = insert.executeBatch();
                // A random id that already had a row (practically never) is not handed out.
                List<SubjectKey> stored = new ArrayList<>(count);
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] == 1) {
                        stored.add(candidates.get(i));
                    }
                }
                return stored;
            }
        });
        if (made.isEmpty()) {
            throw new IllegalStateException("no data key for a new subject could be stored");
        }
        return made;
    }

    /** Null if the subject already has a key or a tombstone. */
    private SubjectKey insertFreshKey(UUID subjectId) {
        byte[] fresh = AesGcm.randomKey();
        try (Connection c = keyDatabase.getConnection();
                PreparedStatement insert = c.prepareStatement(INSERT_KEY)) {
            bindKey(c, insert, keys(), subjectId, fresh);
            return insert.executeUpdate() == 1 ? new SubjectKey(subjectId, fresh) : null;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot store the data key of subject " + subjectId, e);
        }
    }

    /** A subject's key, wrapped with the active master key; nothing if the subject has a key or a tombstone. */
    private static final String INSERT_KEY = """
            INSERT INTO subject_key (subject_id, master_key_id, wrapped_key) VALUES (?, ?, ?)
            ON CONFLICT (subject_id) DO NOTHING""";

    private static void bindKey(
            Connection c, PreparedStatement insert, KeyMaterial material, UUID subjectId, byte[] key)
            throws SQLException {
        Jdbc.bind(
                c,
                insert,
                subjectId,
                material.activeMasterKeyId(),
                wrap(material.activeMasterKeyId(), material.activeMasterKey(), subjectId, key));
    }

    public Optional<SubjectKey> existingKey(UUID subjectId) {
        return Optional.ofNullable(existingKeys(List.of(subjectId)).get(subjectId));
    }

    /** The keys of those subjects that have one, with one query (the search decrypts a page of hits at once). */
    public Map<UUID, SubjectKey> existingKeys(Collection<UUID> subjectIds) {
        Map<UUID, SubjectKey> found = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return found;
        }
        try (Connection c = keyDatabase.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT subject_id, master_key_id, wrapped_key FROM subject_key
                        WHERE subject_id = ANY(?) AND erased_at IS NULL""")) {
            Jdbc.bind(c, select, subjectIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID subject = rs.getObject(1, UUID.class);
                    found.put(subject, new SubjectKey(subject, unwrap(subject, rs.getString(2), rs.getBytes(3))));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read data keys", e);
        }
        return found;
    }

    /** Whether the subject was erased (its tombstone is in the key database). */
    public boolean isErased(UUID subjectId) {
        return !erasedAmong(Set.of(subjectId)).isEmpty();
    }

    /** Which of these subjects were erased, with one query. */
    public Set<UUID> erasedAmong(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        try (Connection c = keyDatabase.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT subject_id FROM subject_key WHERE subject_id = ANY(?) AND erased_at IS NOT NULL")) {
            Jdbc.bind(c, select, subjectIds);
            Set<UUID> erased = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    erased.add(rs.getObject(1, UUID.class));
                }
            }
            return erased;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read tombstones", e);
        }
    }

    /**
     * Crypto-shredding: replaces the subject's key by a tombstone, so every copy of its encrypted data, in the data
     * database, its replicas and its backups, can no longer be decrypted, and no new key is ever made for it.
     * Idempotent. Returns whether a key existed.
     */
    public boolean destroy(UUID subjectId) {
        IllegalStateException failure = null;
        // Called after the data's erasure committed: a short outage of the key database must not leave the key.
        for (int attempt = 1; attempt <= DESTROY_ATTEMPTS; attempt++) {
            try {
                return tombstone(subjectId);
            } catch (IllegalStateException e) {
                failure = e;
                pause(attempt);
            }
        }
        throw failure;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean tombstone(UUID subjectId) {
        // Rows are never deleted, so the two statements cannot race with a key being created: whichever comes
        // first, the tombstone wins (a key inserted before the first statement is turned by the second).
        try (Connection c = keyDatabase.getConnection();
                PreparedStatement tombstone = c.prepareStatement("""
                        INSERT INTO subject_key (subject_id, erased_at) VALUES (?, now())
                        ON CONFLICT (subject_id) DO NOTHING""");
                PreparedStatement shred = c.prepareStatement("""
                        UPDATE subject_key SET master_key_id = NULL, wrapped_key = NULL, erased_at = now()
                        WHERE subject_id = ? AND erased_at IS NULL""")) {
            Jdbc.bind(c, tombstone, subjectId);
            if (tombstone.executeUpdate() == 1) {
                return false;
            }
            Jdbc.bind(c, shred, subjectId);
            return shred.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot destroy the data key of subject " + subjectId, e);
        }
    }

    /**
     * Master key rotation: re-wraps up to {@code batchSize} live keys that are still under an older master key with
     * the active one, in one transaction of the key database. Returns how many; call it
     * until it returns 0 (docs/security.md), after which the old master key unwraps nothing in the live key database.
     */
    public int rewrapUnderActiveMasterKey(int batchSize) {
        KeyMaterial material = keys();
        return inKeyTransaction("cannot re-wrap data keys", c -> {
            List<Object[]> rewrapped = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT subject_id, master_key_id, wrapped_key FROM subject_key
                    WHERE erased_at IS NULL AND master_key_id <> ?
                    LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                Jdbc.bind(c, select, material.activeMasterKeyId(), batchSize);
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
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE subject_key SET master_key_id = ?, wrapped_key = ?
                    WHERE subject_id = ? AND erased_at IS NULL""")) {
                for (Object[] row : rewrapped) {
                    Jdbc.bind(c, update, material.activeMasterKeyId(), row[1], row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return rewrapped.size();
        });
    }

    /** Work on the key database that commits as a whole or not at all. */
    @FunctionalInterface
    private interface KeyTransaction<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction of the key database; the failure message names what could not be done. */
    private <T> T inKeyTransaction(String failure, KeyTransaction<T> work) {
        try (Connection c = keyDatabase.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(failure, e);
        }
    }

    /** How many live keys are still wrapped under a master key other than the active one. */
    public long keysUnderOlderMasterKeys() {
        try (Connection c = keyDatabase.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM subject_key WHERE erased_at IS NULL AND master_key_id <> ?")) {
            Jdbc.bind(c, count, keys().activeMasterKeyId());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot count data keys", e);
        }
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
