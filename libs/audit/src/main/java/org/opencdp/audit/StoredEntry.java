package org.opencdp.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** An audit entry as the table holds it, hashes included. */
record StoredEntry(
        long id,
        UUID subjectId,
        Instant occurredAt,
        String actor,
        String actorKind,
        String action,
        String purpose,
        byte[] previousHash,
        byte[] entryHash,
        int hashVersion,
        String keyId) {

    static final String COLUMNS = "id, subject_id, occurred_at, actor, actor_kind, action, purpose, previous_hash,"
            + " entry_hash, hash_version, key_id";

    static StoredEntry from(ResultSet rs) throws SQLException {
        return new StoredEntry(
                rs.getLong("id"),
                rs.getObject("subject_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("actor_kind"),
                rs.getString("action"),
                rs.getString("purpose"),
                rs.getBytes("previous_hash"),
                rs.getBytes("entry_hash"),
                rs.getInt("hash_version"),
                rs.getString("key_id"));
    }

    boolean keyed() {
        return hashVersion == AuditEntryHash.KEYED;
    }

    /**
     * Whether this entry links to the expected predecessor (null for a chain's first entry) and its own hash
     * matches its fields: under its chain key for a keyed entry (false when the key is unknown), recomputed without
     * a key for a legacy one.
     */
    boolean follows(byte[] expectedPreviousHash, ChainKeys keys) {
        if (!Arrays.equals(previousHash, expectedPreviousHash)) {
            return false;
        }
        byte[] expected = switch (hashVersion) {
            case AuditEntryHash.UNKEYED ->
                AuditEntryHash.of(previousHash, subjectId, occurredAt, actor, actorKind, action, purpose);
            case AuditEntryHash.KEYED ->
                keys.byId(keyId)
                        .map(key -> AuditEntryHash.keyed(
                                key, keyId, previousHash, subjectId, occurredAt, actor, actorKind, action, purpose))
                        .orElse(null);
            default -> null;
        };
        return expected != null && MessageDigest.isEqual(entryHash, expected);
    }

    AuditEntryView view() {
        return new AuditEntryView(id, occurredAt, actor, actorKind, action, purpose, keyed());
    }
}
