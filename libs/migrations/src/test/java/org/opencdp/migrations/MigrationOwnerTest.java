package org.opencdp.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationOwnerTest {

    @Test
    void librariesHaveATableOfTheirOwnAndTheServiceKeepsFlywaysTable() {
        List<MigrationOwner> owners = MigrationOwner.inOrder(
                locations("db/opencdp/personal-data", "classpath:db/opencdp/audit", "db/migration"),
                "flyway_schema_history");

        assertThat(owners).extracting(MigrationOwner::name).containsExactly("personal-data", "audit", "service");
        assertThat(owners)
                .extracting(MigrationOwner::table)
                .containsExactly(
                        "flyway_schema_history_personal_data", "flyway_schema_history_audit", "flyway_schema_history");
    }

    @Test
    void aFileSystemLocationIsOwnedByWhatItsPathEndsIn() {
        assertThat(MigrationOwner.inOrder(
                        locations("filesystem:/tmp/release/db/opencdp/outbox"), "flyway_schema_history"))
                .extracting(MigrationOwner::name)
                .containsExactly("outbox");
    }

    @Test
    void theServiceMigratesLast() {
        assertThatThrownBy(() ->
                        MigrationOwner.inOrder(locations("db/migration", "db/opencdp/audit"), "flyway_schema_history"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/migration last");
    }

    @Test
    void aLocationThatIsNoOwnerIsRefused() {
        assertThatThrownBy(() -> MigrationOwner.inOrder(locations("db/opencdp"), "flyway_schema_history"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/opencdp/<library>");
        assertThatThrownBy(() -> MigrationOwner.inOrder(
                        locations("db/opencdp/audit", "db/opencdp/audit"), "flyway_schema_history"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void aTableNameThatNeedsQuotingIsRefused() {
        assertThatThrownBy(() -> MigrationOwner.inOrder(locations("db/migration"), "History\"; DROP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.flyway.table");
    }

    private static List<String> locations(String... descriptors) {
        return List.of(descriptors);
    }
}
