package org.opencdp.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A fresh database: each owner (two test libraries and the service, see application.properties) is migrated in its
 * own history, in the order of the locations and not of the versions: each migration builds on the table of the
 * owner before it, although its version is lower.
 */
@QuarkusTest
@WithPostgres
class OwnedMigrationsTest {

    @Test
    void eachOwnerHasItsOwnHistoryOfItsOwnMigrations() {
        assertThat(applied("flyway_schema_history_first_lib")).containsExactly("2026.11.27.101");
        assertThat(applied("flyway_schema_history_second_lib")).containsExactly("2026.11.25.201");
        assertThat(applied("flyway_schema_history")).containsExactly("2026.11.20.1000");
    }

    @Test
    void anOwnerWithoutMigrationsGetsNoHistory() {
        assertThat(TestDatabase.count("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'flyway_schema_history%'"))
                .isEqualTo(3);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history_empty_lib'"))
                .isZero();
    }

    @Test
    void ownersMigrateInTheOrderOfTheLocations() {
        List<String> firstApplied = TestDatabase.rows("""
                SELECT owner FROM (
                    SELECT 'first' AS owner, installed_on FROM flyway_schema_history_first_lib WHERE type = 'SQL'
                    UNION ALL SELECT 'second', installed_on FROM flyway_schema_history_second_lib WHERE type = 'SQL'
                    UNION ALL SELECT 'service', installed_on FROM flyway_schema_history WHERE type = 'SQL'
                ) h ORDER BY installed_on""").stream()
                .map(row -> (String) row.get("owner"))
                .toList();
        assertThat(firstApplied).containsExactly("first", "second", "service");
        assertThat(TestDatabase.count("SELECT count(*) FROM service_thing")).isZero();
    }

    private static List<String> applied(String history) {
        return TestDatabase.rows("SELECT version FROM " + history + " WHERE type = 'SQL' ORDER BY installed_rank")
                .stream()
                .map(row -> (String) row.get("version"))
                .toList();
    }
}
