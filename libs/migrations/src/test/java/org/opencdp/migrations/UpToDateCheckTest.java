package org.opencdp.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A start after the first finds the histories equal to the migration files and runs no Flyway; any difference takes
 * Flyway's path, which behaves as it always did (migrates, or fails the start). Each test restores what it changed:
 * the application's start already migrated this database, and other test classes share it.
 */
@QuarkusTest
@WithPostgres
class UpToDateCheckTest {

    private static final String SERVICE_HISTORY = "flyway_schema_history";
    private static final String FIRST_LIB_HISTORY = "flyway_schema_history_first_lib";

    @Inject
    MigrateAtStart migrations;

    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void aStartAfterTheFirstRunsNoFlywayAndWritesNothing() {
        List<Map<String, Object>> before = allHistories();

        assertThat(migrations.migrateUnlessUpToDate()).isFalse();

        assertThat(allHistories()).isEqualTo(before);
    }

    @Test
    void theChecksumsAreTheOnesFlywayRecorded() {
        List<Map<String, Object>> applied = TestDatabase.rows("""
                SELECT script, checksum FROM flyway_schema_history_first_lib WHERE type = 'SQL'
                UNION ALL SELECT script, checksum FROM flyway_schema_history_second_lib WHERE type = 'SQL'
                UNION ALL SELECT script, checksum FROM flyway_schema_history WHERE type = 'SQL'""");
        assertThat(applied).hasSize(3);
        for (Map<String, Object> row : applied) {
            UpToDateCheck.VersionedFile file = UpToDateCheck.VersionedFile.parse((String) row.get("script"));
            assertThat(file.checksum()).as((String) row.get("script")).isEqualTo(row.get("checksum"));
        }
    }

    @Test
    void aMigrationFileWithoutItsHistoryRowRunsThroughFlyway() {
        // The service's migration as if it were new: its table and its row gone.
        Map<String, Object> row = TestDatabase.rows(
                        "SELECT * FROM flyway_schema_history WHERE version = '2026.11.20.1000'")
                .getFirst();
        TestDatabase.execute("DROP TABLE service_thing");
        TestDatabase.execute("DELETE FROM flyway_schema_history WHERE version = '2026.11.20.1000'");

        assertThat(migrations.migrateUnlessUpToDate()).isTrue();

        List<Map<String, Object>> again =
                TestDatabase.rows("SELECT * FROM flyway_schema_history WHERE version = '2026.11.20.1000'");
        assertThat(again).singleElement().satisfies(applied -> {
            assertThat(applied.get("checksum")).isEqualTo(row.get("checksum"));
            assertThat(applied.get("success")).isEqualTo(true);
        });
        assertThat(TestDatabase.count("SELECT count(*) FROM service_thing")).isZero();
        assertThat(migrations.migrateUnlessUpToDate()).isFalse();
    }

    @Test
    void aChangedChecksumStillFailsTheStart() {
        TestDatabase.execute("UPDATE flyway_schema_history_first_lib SET checksum = checksum + 1 WHERE type = 'SQL'");
        try {
            assertThatThrownBy(migrations::migrateUnlessUpToDate)
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum mismatch");
        } finally {
            TestDatabase.execute(
                    "UPDATE flyway_schema_history_first_lib SET checksum = checksum - 1 WHERE type = 'SQL'");
        }
        assertThat(migrations.migrateUnlessUpToDate()).isFalse();
    }

    @Test
    void aFailedMigrationInTheHistoryGoesThroughFlyway() {
        // The service's own migration recorded as failed (a version with a file: a failed row of a version the files
        // do not know is a newer release's, which a rollback accepts, as the test below shows for a successful one).
        TestDatabase.execute("UPDATE flyway_schema_history SET success = false WHERE version = '2026.11.20.1000'");
        try {
            assertThatThrownBy(migrations::migrateUnlessUpToDate)
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("failed migration");
        } finally {
            TestDatabase.execute("UPDATE flyway_schema_history SET success = true WHERE version = '2026.11.20.1000'");
        }
        assertThat(migrations.migrateUnlessUpToDate()).isFalse();
    }

    @Test
    void aVersionTheFilesDoNotKnowGoesThroughFlywayWhichAcceptsIt() {
        // An older release started on a database a newer one migrated (a rollback): the check is no help, Flyway
        // decides, and accepts the version it has no file for (service-defaults: ignore-future-migrations), without
        // writing anything.
        insertServiceRow("2099.1.1.1000", true);
        try {
            List<Map<String, Object>> before = allHistories();

            assertThat(migrations.migrateUnlessUpToDate()).isTrue();

            assertThat(allHistories()).isEqualTo(before);
        } finally {
            TestDatabase.execute("DELETE FROM flyway_schema_history WHERE version = '2099.1.1.1000'");
        }
    }

    @Test
    void aMissingHistoryTableIsADifference() {
        List<MigrationOwner> owners = MigrationOwner.inOrder(locations, SERVICE_HISTORY);
        UpToDateCheck check = UpToDateCheck.of(UpToDateCheck.DEFAULT_DATASOURCE);
        assertThat(check.holdsFor(owners)).isTrue();

        TestDatabase.execute("ALTER TABLE " + FIRST_LIB_HISTORY + " RENAME TO first_lib_history_elsewhere");
        try {
            assertThat(check.holdsFor(owners)).isFalse();
        } finally {
            TestDatabase.execute("ALTER TABLE first_lib_history_elsewhere RENAME TO " + FIRST_LIB_HISTORY);
        }
    }

    @Test
    void aHistoryOfAnOwnerWithoutFilesIsADifference() {
        List<MigrationOwner> owners = MigrationOwner.inOrder(locations, SERVICE_HISTORY);
        TestDatabase.execute("CREATE TABLE flyway_schema_history_empty_lib (LIKE flyway_schema_history)");
        try {
            assertThat(UpToDateCheck.of(UpToDateCheck.DEFAULT_DATASOURCE).holdsFor(owners))
                    .isFalse();
        } finally {
            TestDatabase.execute("DROP TABLE flyway_schema_history_empty_lib");
        }
    }

    private static void insertServiceRow(String version, boolean success) {
        TestDatabase.execute("""
                INSERT INTO flyway_schema_history
                    (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, ?, 'later', 'SQL', 'db/migration/V' || ? || '__later.sql', 1,
                       current_user, 1, ?
                FROM flyway_schema_history""", version, version, success);
    }

    private static List<Map<String, Object>> allHistories() {
        return TestDatabase.rows("""
                SELECT 'first' AS owner, * FROM flyway_schema_history_first_lib
                UNION ALL SELECT 'second', * FROM flyway_schema_history_second_lib
                UNION ALL SELECT 'service', * FROM flyway_schema_history
                ORDER BY 1, installed_rank""");
    }
}
