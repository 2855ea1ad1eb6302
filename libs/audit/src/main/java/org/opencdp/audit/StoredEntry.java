package org.opencdp.audit;

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
        byte[] entryHash) {

    static final String COLUMNS =
            "id, subject_id, occurred_at, actor, actor_kind, action, purpose, previous_hash, entry_hash";

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
                rs.getBytes("entry_hash"));
    }

    /**
     * Whether this entry links to the expected predecessor (null for a chain's first entry) and its own hash
     * matches its fields.
     */
    boolean follows(byte[] expectedPreviousHash) {
        return Arrays.equals(previousHash, expectedPreviousHash)
                && Arrays.equals(
                        entryHash,
                        AuditEntryHash.of(previousHash, subjectId, occurredAt, actor, actorKind, action, purpose));
    }

    AuditEntryView view() {
        return new AuditEntryView(id, occurredAt, actor, actorKind, action, purpose);
    }
}
