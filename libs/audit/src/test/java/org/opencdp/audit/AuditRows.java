package org.opencdp.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestDatabase;

/**
 * The audit table as the tests see it, straight from the database, and the edits someone with the database's
 * owner rights could make. None of them knows the chain key: what they forge is at best an unkeyed hash.
 */
final class AuditRows {

    private AuditRows() {}

    static List<Map<String, Object>> of(UUID subjectId) {
        return TestDatabase.rows("SELECT * FROM audit_entry WHERE subject_id = ? ORDER BY id", subjectId);
    }

    static List<Long> idsOf(UUID subjectId) {
        return of(subjectId).stream()
                .map(row -> ((Number) row.get("id")).longValue())
                .toList();
    }

    static long countOf(UUID subjectId) {
        return TestDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", subjectId);
    }

    /**
     * Runs a statement with the table's append-only guard switched off, as someone with the owner's rights could:
     * the hash chain must still give the change away.
     */
    static void tamper(String sql, Object... parameters) {
        TestDatabase.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
        try {
            TestDatabase.execute(sql, parameters);
        } finally {
            TestDatabase.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
        }
    }

    /** The unkeyed (version 1) hash of a stored row with another action and predecessor: what a forger computes. */
    static byte[] unkeyedHash(Map<String, Object> row, String action, byte[] previousHash) {
        return AuditEntryHash.of(
                previousHash,
                (UUID) row.get("subject_id"),
                ((Timestamp) row.get("occurred_at")).toInstant(),
                (String) row.get("actor"),
                (String) row.get("actor_kind"),
                action,
                (String) row.get("purpose"));
    }

    /**
     * Changes the action of the subject's entry at {@code index} and rewrites that entry and every later one as
     * legacy unkeyed entries, each linked to its rewritten predecessor: a complete, consistent SHA-256 chain.
     */
    static void rewriteUnkeyedFrom(UUID subjectId, int index, String action) {
        List<Map<String, Object>> rows = of(subjectId);
        byte[] previous = index == 0 ? null : (byte[]) rows.get(index - 1).get("entry_hash");
        for (int i = index; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String newAction = i == index ? action : (String) row.get("action");
            byte[] hash = unkeyedHash(row, newAction, previous);
            tamper(
                    "UPDATE audit_entry SET action = ?, previous_hash = ?, entry_hash = ?, hash_version = 1,"
                            + " key_id = NULL WHERE id = ?",
                    newAction,
                    previous,
                    hash,
                    row.get("id"));
            previous = hash;
        }
    }

    /**
     * Entries as they were written before the chain was keyed (unkeyed, version 1), and the boundary the keying
     * migration records for them moved up to include them.
     */
    static void insertLegacyEntries(UUID subjectId, int count) {
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        byte[] previous = null;
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i);
            byte[] hash = AuditEntryHash.of(
                    previous, subjectId, at, "jane", "USER", "customer.update", "PUT /api/v1/customers/{id}");
            TestDatabase.execute(
                    "INSERT INTO audit_entry (subject_id, occurred_at, actor, actor_kind, action, purpose,"
                            + " previous_hash, entry_hash, hash_version) VALUES (?, ?, 'jane', 'USER',"
                            + " 'customer.update', 'PUT /api/v1/customers/{id}', ?, ?, 1)",
                    subjectId,
                    Timestamp.from(at),
                    previous,
                    hash);
            previous = hash;
        }
        TestDatabase.execute("UPDATE audit_unkeyed_entries SET last_entry_id = (SELECT max(id) FROM audit_entry)");
    }

    /** Back to a database whose chains were keyed from the start, as the test database was migrated. */
    static void resetLegacyBoundary() {
        TestDatabase.execute("UPDATE audit_unkeyed_entries SET last_entry_id = 0");
    }

    /**
     * What the retention purge does for a subject (as the owner role): deletes the entries before {@code first}
     * and records the checkpoint where the remaining chain starts.
     */
    static void purgeBefore(UUID subjectId, Map<String, Object> first) {
        tamper("DELETE FROM audit_entry WHERE subject_id = ? AND id < ?", subjectId, first.get("id"));
        TestDatabase.execute(
                "INSERT INTO audit_chain_checkpoint (subject_id, first_entry_id, previous_hash, deleted_before)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO UPDATE SET first_entry_id ="
                        + " excluded.first_entry_id, previous_hash = excluded.previous_hash,"
                        + " deleted_before = excluded.deleted_before",
                subjectId,
                first.get("id"),
                first.get("previous_hash"),
                first.get("occurred_at"));
    }
}
