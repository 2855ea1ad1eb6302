package org.opencdp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.caller.Caller;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The application's database role may append to the trail and read it, nothing else (issue 9): someone holding the
 * application's credentials cannot rewrite the trail, not even by switching the append-only trigger off, which only
 * the owner could. The errors are PostgreSQL's permission checks, not the trigger's message.
 */
@QuarkusTest
@WithPostgres
class AuditTableRightsTest {

    @Inject
    AuditTrail trail;

    @Test
    void theApplicationRoleMayInsertAndSelectButNotUpdateDeleteOrTruncate() throws SQLException {
        UUID subject = UUID.randomUUID();
        trail.recordAs("audit-rights-test", Caller.Kind.SERVICE, subject, "customer.read", "rights test");

        try (Connection c = TestDatabase.AS_APPLICATION.connect();
                Statement statement = c.createStatement()) {
            assertThat(c.getMetaData().getUserName()).endsWith("_app");
            for (String forbidden : new String[] {
                "UPDATE audit_entry SET actor = 'someone else' WHERE subject_id = '" + subject + "'",
                "DELETE FROM audit_entry WHERE subject_id = '" + subject + "'",
                "TRUNCATE audit_entry",
                "ALTER TABLE audit_entry DISABLE TRIGGER USER",
                "DROP TABLE audit_entry",
                // The chain's bookkeeping: moving where unkeyed entries end, or forging a purge checkpoint.
                "UPDATE audit_unkeyed_entries SET last_entry_id = last_entry_id + 1000000",
                "INSERT INTO audit_chain_checkpoint (subject_id, first_entry_id, previous_hash, deleted_before)"
                        + " VALUES ('" + subject + "', 1, decode(repeat('00', 32), 'hex'), now())",
                "DELETE FROM audit_chain_checkpoint"
            }) {
                assertThatThrownBy(() -> statement.execute(forbidden))
                        .as(forbidden)
                        .isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
        }
        assertThat(AuditRows.countOf(subject)).isOne();
    }

    @Test
    void theApplicationRoleOwnsNoTable() {
        String app = TestDatabase.AS_APPLICATION
                .query("SELECT current_user AS name")
                .get(0)
                .get("name")
                .toString();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = ?", app))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_entry'"))
                .isOne();
    }
}
