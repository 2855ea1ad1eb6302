package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.profile.api.CustomerFixtures.create;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Today's profile-service starts on a database as release 2026-11-26 left it, with every owner's migrations in one
 * history (the dump in db-upgrade/): each library's applied migrations move to the library's own history, none runs
 * again, no data is lost, and a migration the audit library adds with a version below applied ones of the service
 * and the outbox (db/opencdp/audit/V2026.11.25.202__upgrade_probe.sql, test only) runs, which the single history
 * refused as out of order.
 */
@QuarkusTest
@WithPostgres(startingFrom = "db-upgrade/profile-2026-11-26.sql")
class DatabaseUpgradeTest {

    private static final String SUBJECT = "0192a6f0-0000-7000-8000-000000000001";

    @Test
    void everyAppliedMigrationMovedToItsOwnersHistoryUnchangedAndNoneRanAgain() {
        // The service's later migrations (the timeline and feedback, V2026.11.27.4xx) follow the moved one.
        assertThat(history("flyway_schema_history"))
                .startsWith("5|2026.11.25.1000|-858742799|2026-11-26 15:27:51.871633");
        assertThat(history("flyway_schema_history_personal_data"))
                .containsExactly("1|2026.11.25.101|1667858884|2026-11-26 15:27:50.989162");
        assertThat(history("flyway_schema_history_audit"))
                .startsWith("2|2026.11.25.201|-1672521825|2026-11-26 15:27:51.313924");
        // Later migrations of the library (the stored receipts, V2026.11.26.302) follow the moved one.
        assertThat(history("flyway_schema_history_subject_rights"))
                .startsWith("3|2026.11.25.301|-1651519623|2026-11-26 15:27:51.480048");
        assertThat(history("flyway_schema_history_outbox"))
                .startsWith(
                        "4|2026.11.25.401|1844240847|2026-11-26 15:27:51.6461",
                        "6|2026.11.26.401|-794361491|2026-11-26 15:27:52.086778");
    }

    @Test
    void aLibraryMigrationBelowAppliedVersionsOfOtherOwnersRuns() {
        List<Map<String, Object>> audit =
                TestDatabase.rows("SELECT version, success FROM flyway_schema_history_audit ORDER BY installed_rank");
        assertThat(audit)
                .extracting(row -> row.get("version"))
                .containsExactly(
                        "2026.11.25.201", "2026.11.25.202", "2026.11.26.231", "2026.11.26.290", "2026.11.26.292");
        assertThat(audit).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_upgrade_probe"))
                .isZero();
    }

    @Test
    void theDataOfTheEarlierReleaseIsAllThere() {
        assertThat(TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?::uuid", SUBJECT))
                .isOne();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NULL", SUBJECT))
                .isOne();
        // (issue 9) The keys moved to the key database; the data database and its backups hold none any more.
        assertThat(TestDatabase.rows("SELECT to_regclass('subject_key') AS t")
                        .get(0)
                        .get("t"))
                .isNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?::uuid", SUBJECT))
                .isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event WHERE subject_id = ?::uuid", SUBJECT))
                .isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_restriction WHERE subject_id = ?::uuid", SUBJECT))
                .isOne();
    }

    @Test
    void theEarlierReleasesAuditEntryIsMarkedAsALegacyUnkeyedEntry() {
        // The dump's entry carries a placeholder hash, so its chain does not verify; libs/audit tests that real
        // legacy entries do. Here: the keying migration marks it as what it is and records where legacy ends.
        assertThat(TestDatabase.rows(
                        "SELECT hash_version, key_id FROM audit_entry WHERE subject_id = ?::uuid", SUBJECT))
                .singleElement()
                .satisfies(row -> {
                    assertThat(((Number) row.get("hash_version")).intValue()).isEqualTo(1);
                    assertThat(row.get("key_id")).isNull();
                });
        assertThat(TestDatabase.count("SELECT last_entry_id FROM audit_unkeyed_entries"))
                .isOne();
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get("/api/v1/audit/subjects/" + SUBJECT)
                .then()
                .statusCode(200)
                .body("entries[0].keyed", equalTo(false));
    }

    @Test
    void theServiceWorksOnTheUpgradedDatabase() {
        create(person()).then().statusCode(201);
    }

    /** A history's applied migrations, as "rank|version|checksum|installed on", without Flyway's baseline row. */
    private static List<String> history(String table) {
        return TestDatabase.rows("SELECT installed_rank, version, checksum, installed_on::text AS installed_on FROM "
                        + table + " WHERE type <> 'BASELINE' ORDER BY installed_rank")
                .stream()
                .map(row -> row.get("installed_rank") + "|" + row.get("version") + "|" + row.get("checksum") + "|"
                        + row.get("installed_on"))
                .toList();
    }
}
