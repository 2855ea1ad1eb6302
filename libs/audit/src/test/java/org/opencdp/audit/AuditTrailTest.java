package org.opencdp.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;
import org.opencdp.caller.Caller;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithPostgres
class AuditTrailTest {

    private static final String NAME = "Erika Mustermann";
    private static final String EMAIL = "erika.mustermann@example.de";

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    DataSource dataSource;

    @Test
    void aSalesUsersReadRecordsWhoWhichSubjectWhatWhyAndWhen() {
        UUID subject = UUID.randomUUID();
        String jane = TestTokens.user("jane", "sales");
        storeCustomer(subject, jane);
        Instant before = Instant.now().minusSeconds(1);

        given().auth()
                .oauth2(jane)
                .when()
                .get("/test/customers/" + subject)
                .then()
                .statusCode(200);

        List<Map<String, Object>> rows = AuditRows.of(subject);
        assertThat(rows).hasSize(2);
        Map<String, Object> read = rows.get(1);
        assertThat(read.get("subject_id")).isEqualTo(subject);
        assertThat(read.get("actor")).isEqualTo("jane");
        assertThat(read.get("actor_kind")).isEqualTo("USER");
        assertThat(read.get("action")).isEqualTo("customer.read");
        assertThat(read.get("purpose")).isEqualTo("GET /test/customers/{id}");
        assertThat(((Timestamp) read.get("occurred_at")).toInstant())
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat((byte[]) read.get("previous_hash"))
                .isEqualTo((byte[]) rows.get(0).get("entry_hash"));
        assertThat(rows.get(0).get("previous_hash")).isNull();
    }

    @Test
    void aServiceAccountIsRecordedByItsClientIdAsAService() {
        UUID subject = UUID.randomUUID();
        storeCustomer(subject, TestTokens.forRole("sales"));

        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/test/customers/" + subject)
                .then()
                .statusCode(200);

        Map<String, Object> read = AuditRows.of(subject).get(1);
        assertThat(read.get("actor")).isEqualTo("retention-service");
        assertThat(read.get("actor_kind")).isEqualTo("SERVICE");
    }

    @Test
    void theTrailHoldsNoPersonalDataOnlyTheSubjectId() {
        UUID subject = UUID.randomUUID();
        String sales = TestTokens.user("jane", "sales");
        storeCustomer(subject, sales);
        given().auth()
                .oauth2(sales)
                .when()
                .get("/test/customers/" + subject)
                .then()
                .statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(EMAIL));
        // The request did carry personal data into the service:
        assertThat(TestDatabase.count("SELECT count(*) FROM test_customer WHERE id = ? AND email = ?", subject, EMAIL))
                .isOne();

        List<Map<String, Object>> rows = AuditRows.of(subject);
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(row)
                    .containsOnlyKeys(
                            "id",
                            "subject_id",
                            "occurred_at",
                            "actor",
                            "actor_kind",
                            "action",
                            "purpose",
                            "previous_hash",
                            "entry_hash",
                            "hash_version",
                            "key_id");
            row.forEach((column, value) -> assertThat(String.valueOf(value))
                    .as(column)
                    .doesNotContainIgnoringCase("erika")
                    .doesNotContainIgnoringCase("mustermann"));
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry a WHERE a::text ILIKE '%mustermann%'"
                        + " OR a::text ILIKE '%erika%'"))
                .isZero();
    }

    @Test
    void aChangeThatRollsBackLeavesNoAuditEntry() {
        UUID subject = UUID.randomUUID();
        String sales = TestTokens.forRole("sales");

        given().auth()
                .oauth2(sales)
                .contentType(ContentType.JSON)
                .body(Map.of("name", NAME, "email", EMAIL))
                .when()
                .put("/test/customers/" + subject + "/failing")
                .then()
                .statusCode(409);

        assertThat(AuditRows.countOf(subject)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM test_customer WHERE id = ?", subject))
                .isZero();

        storeCustomer(subject, sales);
        List<Map<String, Object>> rows = AuditRows.of(subject);
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.get("previous_hash")).isNull());
        assertThat(verifier.verify(subject).intact()).isTrue();
    }

    @Test
    void aListRecordsOneEntryForEachSubjectItReturned() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        given().auth()
                .oauth2(TestTokens.user("jane", "sales"))
                .queryParam("id", first, second, first)
                .when()
                .get("/test/customers")
                .then()
                .statusCode(200);

        for (UUID subject : List.of(first, second)) {
            assertThat(AuditRows.of(subject)).singleElement().satisfies(row -> {
                assertThat(row.get("action")).isEqualTo("customer.search-hit");
                assertThat(row.get("actor")).isEqualTo("jane");
            });
        }
    }

    @Test
    void recordingOutsideARequestIsRefusedWithAPointerToRecordAs() throws Exception {
        UUID subject = UUID.randomUUID();
        ExecutorService job = Executors.newSingleThreadExecutor();
        try {
            Future<?> outcome = job.submit(() -> trail.record(subject, "customer.read", "retention purge"));
            assertThatIllegalStateException()
                    .isThrownBy(() -> {
                        try {
                            outcome.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw e.getCause();
                        }
                    })
                    .withMessageContaining("recordAs");
        } finally {
            job.shutdown();
        }
        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @Test
    void aScheduledJobRecordsUnderItsOwnName() {
        UUID subject = UUID.randomUUID();

        trail.recordAs(
                "system:retention-purge",
                Caller.Kind.SERVICE,
                subject,
                "customer.delete",
                "retention policy: contract data 10 years");

        assertThat(AuditRows.of(subject)).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("system:retention-purge");
            assertThat(row.get("actor_kind")).isEqualTo("SERVICE");
            assertThat(row.get("purpose")).isEqualTo("retention policy: contract data 10 years");
        });
    }

    @Test
    void aPurposeCarryingAnEmailAddressIsRefusedWithoutRepeatingItAndNothingIsStored() {
        UUID subject = UUID.randomUUID();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> trail.recordAs(
                        "system:import", Caller.Kind.SERVICE, subject, "customer.update", "import of " + EMAIL))
                .withMessageNotContaining(EMAIL);

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @Test
    void readsRecordedByATransactionThatOnlyReadDoNotWaitForTheFlush() {
        UUID subject = UUID.randomUUID();

        String commit = QuarkusTransaction.requiringNew().call(() -> {
            // The throwaway test cluster commits asynchronously anyway: start from production's setting.
            synchronousCommit("on");
            trail.recordReads(Map.of(subject, "customer.search-hit"), "GET /api/v1/customers?search");
            return synchronousCommit(null);
        });

        assertThat(commit).isEqualTo("off");
        assertThat(AuditRows.countOf(subject)).isEqualTo(1);
        assertThat(verifier.verify(subject).intact()).isTrue();
    }

    @Test
    void readsRecordedAndCommittedAreVisibleToOthersBeforeTheTransactionManagerCommits() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<Long> seenByOthers = QuarkusTransaction.requiringNew().call(() -> {
            trail.recordReadsAndCommit(
                    Map.of(first, "customer.search-hit", second, "customer.read"), "GET /api/v1/customers?search");
            // Another connection sees the entries already: the COMMIT went with them.
            return List.of(AuditRows.countOf(first), AuditRows.countOf(second));
        });

        assertThat(seenByOthers).containsExactly(1L, 1L);
        assertThat(AuditRows.of(second))
                .singleElement()
                .satisfies(row -> assertThat(row.get("action")).isEqualTo("customer.read"));
        assertThat(verifier.verify(first).intact()).isTrue();
        assertThat(verifier.verify(second).intact()).isTrue();
    }

    @Test
    void readsRecordedAndCommittedExtendTheChainOfEarlierEntries() {
        UUID subject = UUID.randomUUID();
        trail.recordAs("system:import", Caller.Kind.SERVICE, subject, "customer.update", "nightly import");

        QuarkusTransaction.requiringNew()
                .run(() -> trail.recordReadsAndCommit(
                        Map.of(subject, "customer.search-hit"), "GET /api/v1/customers?search"));
        trail.recordAs("system:import", Caller.Kind.SERVICE, subject, "customer.update", "nightly import");

        assertThat(AuditRows.countOf(subject)).isEqualTo(3);
        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(true, null));
    }

    @Test
    void concurrentReadsRecordedAndCommittedForOneSubjectYieldOneUnbrokenChain() throws Exception {
        UUID subject = UUID.randomUUID();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                done.add(readers.submit(() -> IntStream.range(0, 25).forEach(i -> {
                    // A request's context, as a search has it: recording reads needs the request's caller.
                    Arc.container().requestContext().activate();
                    try {
                        QuarkusTransaction.requiringNew()
                                .run(() -> trail.recordReadsAndCommit(
                                        Map.of(subject, "customer.search-hit"), "GET /api/v1/customers?search"));
                    } finally {
                        Arc.container().requestContext().terminate();
                    }
                })));
            }
            for (Future<?> reader : done) {
                reader.get();
            }
        } finally {
            readers.shutdown();
        }

        assertThat(AuditRows.countOf(subject)).isEqualTo(100);
        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(true, null));
    }

    @Test
    void readsRecordedAndCommittedNeedTheCallersTransaction() {
        UUID subject = UUID.randomUUID();

        assertThatExceptionOfType(TransactionalException.class)
                .isThrownBy(() -> trail.recordReadsAndCommit(
                        Map.of(subject, "customer.search-hit"), "GET /api/v1/customers?search"));

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @Test
    void readsRecordedByATransactionThatChangedDataKeepTheSynchronousCommit() {
        UUID subject = UUID.randomUUID();

        String commit = QuarkusTransaction.requiringNew().call(() -> {
            synchronousCommit("on");
            trail.recordAs("system:import", Caller.Kind.SERVICE, subject, "customer.update", "nightly import");
            trail.recordRead(subject, "customer.read", "GET /api/v1/customers/{id}");
            return synchronousCommit(null);
        });

        assertThat(commit).isEqualTo("on");
        assertThat(AuditRows.countOf(subject)).isEqualTo(2);
    }

    /** Sets synchronous_commit for the current transaction when given a value; answers its value. */
    private String synchronousCommit(String value) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (value != null) {
                s.execute("SET LOCAL synchronous_commit TO " + value);
            }
            try (var rs = s.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransactionAboveReadCommittedIsRefusedRatherThanForkingTheChain() {
        UUID subject = UUID.randomUUID();

        assertThatIllegalStateException()
                .isThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection c = dataSource.getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    } catch (SQLException e) {
                        throw new IllegalArgumentException(e);
                    }
                    trail.recordAs("system:report", Caller.Kind.SERVICE, subject, "customer.read", "monthly report");
                }))
                .withMessageContaining("READ COMMITTED");

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @Test
    void concurrentRecordingForOneSubjectYieldsOneUnbrokenChain() throws Exception {
        UUID subject = UUID.randomUUID();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                String actor = "system:writer-" + writer;
                done.add(writers.submit(() -> IntStream.range(0, 25)
                        .forEach(i -> trail.recordAs(
                                actor, Caller.Kind.SERVICE, subject, "customer.read", "concurrency test"))));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }

        List<Map<String, Object>> rows = AuditRows.of(subject);
        assertThat(rows).hasSize(100);
        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(true, null));
        List<Instant> times = rows.stream()
                .map(row -> ((Timestamp) row.get("occurred_at")).toInstant())
                .toList();
        assertThat(times).as("a chain's times never run backwards").isSorted();
    }

    @Test
    void transactionsRecordingOverlappingSubjectsInAnyOrderDoNotDeadlock() throws Exception {
        List<UUID> subjects =
                IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        String sales = TestTokens.forRole("sales");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                done.add(writers.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        List<UUID> shuffled = new ArrayList<>(subjects);
                        Collections.shuffle(shuffled);
                        given().auth()
                                .oauth2(sales)
                                .queryParam("id", shuffled.toArray())
                                .when()
                                .get("/test/customers")
                                .then()
                                .statusCode(200);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }

        for (UUID subject : subjects) {
            assertThat(AuditRows.countOf(subject)).isEqualTo(40);
            assertThat(verifier.verify(subject).intact()).isTrue();
        }
    }

    private static void storeCustomer(UUID subject, String salesToken) {
        given().auth()
                .oauth2(salesToken)
                .contentType(ContentType.JSON)
                .body(Map.of("name", NAME, "email", EMAIL))
                .when()
                .put("/test/customers/" + subject)
                .then()
                .statusCode(200);
    }
}
