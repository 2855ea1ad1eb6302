package org.opencdp.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestDatabase;

/** The audit table as the tests see it, straight from the database. */
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
}
