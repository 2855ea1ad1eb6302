package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.auditEntriesOf;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.auditEntryAt;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The purge contract's server side (libs/subject-rights) on the test application, whose category {@code notes}
 * expires by the time a note was written. Notes written "long ago" are placed in 2002-2003 so the notes of other tests
 * (written now) never expire in these runs.
 */
@QuarkusTest
class NotesRetentionPurgeTest extends RetentionPurgeContractTest {

    private static final Instant AS_OF = Instant.parse("2003-06-01T00:00:00Z");
    private static final List<Map<String, Object>> ONE_YEAR = List.of(policy(NotesRetention.NAME, "P1Y", false));
    /** The first key of the purge lock ("PURG"). */
    private static final int PURGE_LOCK_SPACE = 0x50555247;

    @Inject
    Notes notes;

    @Override
    protected List<String> heldCategories() {
        return List.of(NotesRetention.NAME);
    }

    @BeforeEach
    void noOldNotes() {
        TestDatabase.execute("DELETE FROM note WHERE written_at < '2020-01-01'");
    }

    @Test
    void exactlyTheExpiredRecordsAreDeletedAndTheReportCountsThem() {
        UUID expired = noteWrittenAt("2002-05-31T23:59:59.999999Z");
        UUID lastMomentKept = noteWrittenAt("2002-06-01T00:00:00Z"); // + P1Y = asOf: not before it
        UUID recent = noteWrittenAt("2003-01-15T10:00:00Z");

        JsonPath report = purge(false, AS_OF, ONE_YEAR);

        assertThat(counts(report, NotesRetention.NAME)).containsExactly(1, 1);
        assertThat(report.getString("service")).isEqualTo("testkit-service");
        assertThat(report.getBoolean("dryRun")).isFalse();
        assertThat(report.getString("asOf")).isEqualTo("2003-06-01T00:00:00Z");
        assertThat(report.getInt("categories[0].policyVersion")).isOne();
        assertThat(notesOf(expired)).isZero();
        assertThat(notesOf(lastMomentKept)).isOne();
        assertThat(notesOf(recent)).isOne();
    }

    @Test
    void endOfYearRoundingKeepsARecordUntilTheYearOfItsPeriodsEndIsOver() {
        UUID december = noteWrittenAt("2001-12-31T23:00:00Z"); // + P1Y ends in 2002: kept to 2003-01-01
        UUID january = noteWrittenAt("2002-01-01T00:00:00Z"); // + P1Y ends in 2003: kept to 2004-01-01
        List<Map<String, Object>> rounded = List.of(policy(NotesRetention.NAME, "P1Y", true));

        assertThat(counts(purge(false, Instant.parse("2003-01-01T00:00:00Z"), rounded), NotesRetention.NAME))
                .containsExactly(0, 0);
        assertThat(counts(purge(false, Instant.parse("2003-01-01T00:00:01Z"), rounded), NotesRetention.NAME))
                .containsExactly(1, 1);
        assertThat(notesOf(december)).isZero();
        assertThat(notesOf(january)).isOne();
    }

    @Test
    void aDryRunCountsAndDeletesNothing() {
        UUID expired = noteWrittenAt("2002-01-10T08:00:00Z");
        noteWrittenAt("2002-02-10T08:00:00Z");

        JsonPath report = purge(true, AS_OF, ONE_YEAR);

        assertThat(counts(report, NotesRetention.NAME)).containsExactly(2, 0);
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(notesOf(expired)).isOne();
    }

    @Test
    void aRepeatedRunIdAnswersTheStoredReportAndDeletesNothingMore() {
        noteWrittenAt("2002-01-10T08:00:00Z");
        UUID runId = UUID.randomUUID();
        JsonPath first = purge(run(runId, false, AS_OF, ONE_YEAR));
        UUID expiredSince = noteWrittenAt("2002-01-11T08:00:00Z");

        JsonPath again = purge(run(runId, false, AS_OF, ONE_YEAR));

        assertThat(again.prettify()).isEqualTo(first.prettify());
        assertThat(counts(again, NotesRetention.NAME)).containsExactly(1, 1);
        assertThat(notesOf(expiredSince)).isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM retention_purge_run WHERE run_id = ?", runId))
                .isOne();
    }

    @Test
    void aRunWaitsWhileAnotherRunsInThisServiceAndItsRetryThenGetsTheSameReport() throws Exception {
        UUID expired = noteWrittenAt("2002-01-10T08:00:00Z");
        UUID runId = UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Connection otherRun = TestDatabase.AS_APPLICATION.connect()) {
            // Another run (say, on another replica) holds the purge lock.
            advisoryLock(otherRun, "pg_advisory_lock");
            Future<JsonPath> first = callers.submit(() -> purge(run(runId, false, AS_OF, ONE_YEAR)));
            Future<JsonPath> retry = callers.submit(() -> purge(run(runId, false, AS_OF, ONE_YEAR)));
            await().atMost(Duration.ofSeconds(30)).until(() -> purgesWaiting() == 2);
            assertThat(notesOf(expired))
                    .as("nothing deleted while the other run goes on")
                    .isOne();

            advisoryLock(otherRun, "pg_advisory_unlock");
            JsonPath one = first.get(30, TimeUnit.SECONDS);
            JsonPath other = retry.get(30, TimeUnit.SECONDS);

            assertThat(other.prettify()).isEqualTo(one.prettify());
            assertThat(counts(one, NotesRetention.NAME)).containsExactly(1, 1);
            assertThat(notesOf(expired)).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void categoriesNotHeldAreListedAndTheRunIsInTheAuditTrailWithoutPersonalData() {
        List<Map<String, Object>> policies =
                List.of(policy("booking-vouchers", "P8Y", true), policy(NotesRetention.NAME, "P1Y", false));
        UUID runId = UUID.randomUUID();

        JsonPath report = purge(run(runId, true, AS_OF, policies));

        assertThat(report.getList("notHeld", String.class)).containsExactly("booking-vouchers");
        assertThat(report.getList("categories.category", String.class)).containsExactly(NotesRetention.NAME);
        List<Map<String, Object>> entries =
                TestDatabase.rows("SELECT actor, action, purpose FROM audit_entry WHERE subject_id = ?", runId);
        assertThat(entries)
                .containsExactly(Map.of(
                        "actor",
                        "retention-service",
                        "action",
                        "retention.purge-preview",
                        "purpose",
                        "retention policy run"));
    }

    @Test
    void theAuditTrailLosesWholeExpiredPeriodsButNothingYoungerThanAYear() {
        UUID old = UUID.randomUUID();
        auditEntryAt(old, Instant.parse("2002-03-15T10:00:00Z"));
        auditEntryAt(old, Instant.parse("2004-03-15T10:00:00Z"));
        UUID current = UUID.randomUUID();
        auditEntryAt(current, Instant.now().minus(2, ChronoUnit.DAYS));
        List<Map<String, Object>> threeYears = List.of(policy("audit-trail", "P3Y", true));

        // As of 2007-06-01 the entry of 2002 has expired (at the end of 2005), the one of 2004 not (end of 2007).
        JsonPath report = purge(false, Instant.parse("2007-06-01T00:00:00Z"), threeYears);
        assertThat(counts(report, "audit-trail")[1]).isPositive();
        assertThat(auditEntriesOf(old)).isOne();

        // Far ahead, the recent entry has expired by the policy, but the database keeps the last year.
        JsonPath farAhead = purge(false, Instant.now().plus(3650, ChronoUnit.DAYS), threeYears);
        assertThat(counts(farAhead, "audit-trail")[0]).isGreaterThan(counts(farAhead, "audit-trail")[1]);
        assertThat(auditEntriesOf(old)).isZero();
        assertThat(auditEntriesOf(current)).isOne();
    }

    @Test
    void badInputIsA400ProblemAndDeletesNothing() {
        UUID kept = noteWrittenAt("2002-01-10T08:00:00Z");
        UUID runId = UUID.randomUUID();
        for (String period : List.of("P0D", "-P1M", "P1Y-13M", "P101Y", "13 months")) {
            refused(run(runId, false, AS_OF, List.of(policy(NotesRetention.NAME, period, false))));
        }
        refused(run(runId, false, AS_OF, List.of(policy(NotesRetention.NAME, "P1Y", false), ONE_YEAR.get(0))));
        for (String missing : List.of("runId", "dryRun", "policies")) {
            Map<String, Object> body = new HashMap<>(run(runId, false, AS_OF, ONE_YEAR));
            body.remove(missing);
            refused(body);
        }
        for (String missing : List.of("category", "version", "period", "roundToEndOfYear")) {
            Map<String, Object> policy = new HashMap<>(ONE_YEAR.get(0));
            policy.remove(missing);
            refused(run(runId, false, AS_OF, List.of(policy)));
        }
        Map<String, Object> unknown = new HashMap<>(run(runId, false, AS_OF, ONE_YEAR));
        unknown.put("deleteEverything", true);
        refused(unknown);

        assertThat(notesOf(kept)).isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM retention_purge_run WHERE run_id = ?", runId))
                .isZero();
    }

    private static void refused(Map<String, Object> body) {
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(RetentionPurgeCalls.PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    private UUID noteWrittenAt(String at) {
        UUID subject = UUID.randomUUID();
        notes.add(subject, "NOTE", "Called back");
        TestDatabase.execute(
                "UPDATE note SET written_at = ? WHERE subject_id = ?", Timestamp.from(Instant.parse(at)), subject);
        return subject;
    }

    /** Purge runs of this service waiting for the lock another run holds (libs/subject-rights PurgeLock). */
    private static long purgesWaiting() {
        return TestDatabase.count(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = ?",
                PURGE_LOCK_SPACE);
    }

    private static void advisoryLock(Connection session, String function) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT " + function + "(?, 0)")) {
            statement.setInt(1, PURGE_LOCK_SPACE);
            statement.execute();
        }
    }

    private static long notesOf(UUID subject) {
        return TestDatabase.count("SELECT count(*) FROM note WHERE subject_id = ?", subject);
    }
}
