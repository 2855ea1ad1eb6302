package org.opencdp.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencdp.migrations.UpToDateCheck;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** After the first start, the key database's history matches its files: later starts create no Flyway for it. */
@QuarkusTest
@WithPostgres
class KeyDatabaseUpToDateTest {

    @Test
    void aStartAfterTheFirstFindsTheKeyDatabaseUpToDate() {
        assertThat(UpToDateCheck.of(SubjectKeyVault.DATASOURCE).holds()).isTrue();
    }

    @Test
    void aFailedKeyMigrationIsADifference() {
        long rows = TestDatabase.KEYS.number("SELECT count(*) FROM flyway_schema_history");
        assertThat(rows).isPositive();
        TestDatabase.KEYS.update("UPDATE flyway_schema_history SET success = false WHERE installed_rank = 1");
        try {
            assertThat(UpToDateCheck.of(SubjectKeyVault.DATASOURCE).holds()).isFalse();
        } finally {
            TestDatabase.KEYS.update("UPDATE flyway_schema_history SET success = true WHERE installed_rank = 1");
        }
    }
}
