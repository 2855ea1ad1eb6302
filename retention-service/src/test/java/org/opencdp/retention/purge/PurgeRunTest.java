package org.opencdp.retention.purge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.retention.service.PurgeRuns;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Purge runs against a participant over HTTP: the one participant here is {@link TestPurgeParticipant}, a small
 * implementation of the contract's JSON in the test sources, called with retention-service's service token like
 * the five services are.
 */
@QuarkusTest
@WithPostgres
@TestProfile(PurgeRunTest.ThroughATestParticipant.class)
class PurgeRunTest {

    public static class ThroughATestParticipant implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "opencdp.subject-rights.participants", "retention",
                    "opencdp.services.retention.url", "http://localhost:${quarkus.http.test-port}/purge-participant");
        }
    }

    static final String BASE = "/api/v1/purge-runs";

    @Inject
    PurgeRuns runs;

    @BeforeEach
    void aParticipantWithRawEventsAndVouchers() {
        TestPurgeParticipant.reset();
        TestPurgeParticipant.RECORDS.put(
                "tracking-raw-events",
                new ArrayList<>(List.of(
                        Instant.parse("2026-01-31T10:00:00Z"), // expires 2027-02-28T10:00 (P13M)
                        Instant.parse("2026-02-01T10:00:00Z"), // expires 2027-03-01T10:00
                        Instant.parse("2026-06-01T00:00:00Z"))));
        TestPurgeParticipant.RECORDS.put(
                "booking-vouchers",
                new ArrayList<>(List.of(
                        Instant.parse("2018-12-31T23:00:00Z"), // P8Y to the end of 2026: expired on 2027-01-01
                        Instant.parse("2019-01-01T00:00:00Z")))); // the end of 2027
    }

    @Test
    void aDryRunCountsWhatExpiredByItsCutoffAndDeletesNothing() {
        JsonPath run = start(Map.of("dryRun", true, "asOf", "2027-03-01T00:00:00Z"))
                .statusCode(201)
                .body("dryRun", equalTo(true))
                .body("outcome", equalTo("COMPLETE"))
                .body("startedBy", equalTo("jana.weber"))
                .extract()
                .jsonPath();
        String report = "services.find { it.participant == 'retention' }.report.";
        assertThat(run.getString("services[0].status")).isEqualTo("ANSWERED");
        assertThat(run.getInt(report + "categories.find { it.category == 'tracking-raw-events' }.expired"))
                .isEqualTo(1);
        assertThat(run.getInt(report + "categories.find { it.category == 'booking-vouchers' }.expired"))
                .isEqualTo(1);
        assertThat(run.getInt(report + "categories.find { it.category == 'booking-vouchers' }.deleted"))
                .isZero();
        assertThat(run.getList(report + "notHeld", String.class)).contains("abandoned-carts", "audit-trail");
        assertThat(run.getList("policies.category", String.class)).hasSize(RetentionCategories.ALL.size());
        assertThat(TestPurgeParticipant.RECORDS.get("tracking-raw-events")).hasSize(3);

        JsonNodeAssert.sent(TestPurgeParticipant.ORDERS.getFirst(), run.getString("id"), true, "2027-03-01T00:00:00Z");
    }

    @Test
    void aRealRunDeletesExactlyWhatExpiredAndTheNextFindsNothing() {
        JsonPath run = start(Map.of("dryRun", false, "asOf", "2027-03-01T10:00:01Z"))
                .statusCode(201)
                .body("outcome", equalTo("COMPLETE"))
                .extract()
                .jsonPath();
        String events = "services[0].report.categories.find { it.category == 'tracking-raw-events' }.";
        assertThat(run.getInt(events + "expired")).isEqualTo(2);
        assertThat(run.getInt(events + "deleted")).isEqualTo(2);
        assertThat(run.getInt(events + "policyVersion")).isEqualTo(policyVersion("tracking-raw-events"));
        assertThat(TestPurgeParticipant.RECORDS.get("tracking-raw-events"))
                .containsExactly(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(TestPurgeParticipant.RECORDS.get("booking-vouchers"))
                .containsExactly(Instant.parse("2019-01-01T00:00:00Z"));

        start(Map.of("dryRun", false, "asOf", "2027-03-01T10:00:01Z"))
                .statusCode(201)
                .body(events + "expired", equalTo(0))
                .body(events + "deleted", equalTo(0));
    }

    /**
     * The participant answers 404, as a service of a release without the purge endpoint does. (A 503 would be retried
     * by libs/service-calls and, repeated, open its circuit breaker for ten seconds, so the immediate retry here would
     * not reach the participant.)
     */
    @Test
    void aServiceThatDoesNotAnswerMakesTheRunPartialAndTheRetryAsksItWithTheSameOrder() {
        TestPurgeParticipant.failWith = 404;
        String id = start(Map.of("dryRun", false, "asOf", "2027-03-01T10:00:01Z"))
                .statusCode(201)
                .body("outcome", equalTo("PARTIAL"))
                .body("services[0].status", equalTo("FAILED"))
                .body("services[0].lastError", equalTo("answered HTTP 404"))
                .body("services[0].attempts", equalTo(1))
                .extract()
                .path("id");
        assertThat(TestPurgeParticipant.RECORDS.get("tracking-raw-events")).hasSize(3);

        TestPurgeParticipant.failWith = 0;
        asDpo().when()
                .post(BASE + "/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("COMPLETE"))
                .body("services[0].status", equalTo("ANSWERED"))
                .body("services[0].attempts", equalTo(2))
                .body("services[0].report.runId", equalTo(id));
        assertThat(TestPurgeParticipant.RECORDS.get("tracking-raw-events")).hasSize(1);
        assertThat(TestPurgeParticipant.ORDERS)
                .allSatisfy(order -> JsonNodeAssert.sent(order, id, false, "2027-03-01T10:00:01Z"));

        asDpo().when().post(BASE + "/" + id + "/retry").then().statusCode(409);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM purge_run_participant WHERE run_id = ?::uuid AND status = 'ANSWERED'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aRunLeftUnfinishedByAStoppedRetentionServiceIsTakenUpByTheScheduleOnce() {
        TestPurgeParticipant.failWith = 404;
        String id = start(Map.of("dryRun", false, "asOf", "2027-03-01T10:00:01Z"))
                .statusCode(201)
                .extract()
                .path("id");
        TestPurgeParticipant.failWith = 0;
        // As if retention-service had stopped after storing the run, before it asked the participant.
        TestDatabase.execute("UPDATE purge_run SET outcome = NULL, finished_at = NULL WHERE id = ?::uuid", id);
        TestDatabase.execute(
                "UPDATE purge_run_participant SET status = 'PENDING', attempts = 0, last_error = NULL "
                        + "WHERE run_id = ?::uuid",
                id);
        asDpo().when().post(BASE + "/" + id + "/retry").then().statusCode(409);
        runs.retryRecentRuns();
        assertThat(TestDatabase.count("SELECT count(*) FROM purge_run WHERE id = ?::uuid AND outcome IS NULL", id))
                .as("a run started just now is still running, not abandoned")
                .isEqualTo(1);

        TestDatabase.execute("UPDATE purge_run SET started_at = now() - interval '2 hours' WHERE id = ?::uuid", id);
        runs.retryRecentRuns();
        asDpo().when()
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("COMPLETE"))
                .body("services[0].attempts", equalTo(1))
                .body("services[0].report.runId", equalTo(id));
        assertThat(TestPurgeParticipant.RECORDS.get("tracking-raw-events")).hasSize(1);
    }

    @Test
    void theRunsAreListedNewestFirstAndCountedByOutcome() {
        String first = start(Map.of("dryRun", true)).statusCode(201).extract().path("id");
        TestPurgeParticipant.failWith = 404;
        String second = start(Map.of("dryRun", true)).statusCode(201).extract().path("id");
        asDpo().when()
                .get(BASE + "?limit=2")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].id", equalTo(second))
                .body("[0].outcome", equalTo("PARTIAL"))
                .body("[1].id", equalTo(first))
                .body("[1].services", equalTo(null));
        asDpo().when().get(BASE + "/" + first).then().statusCode(200).body("policies.category", hasItem("audit-trail"));
        given().baseUri(URI.create(TestHTTPResourceManager.getManagementUri())
                        .resolve("/")
                        .toString())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("opencdp_purge_runs_total{outcome=\"complete\"}"))
                .body(containsString("opencdp_purge_runs_total{outcome=\"partial\"}"));
        asDpo().when().get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static int policyVersion(String category) {
        return asDpo().when()
                .get("/api/v1/retention-policies/" + category)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    static io.restassured.response.ValidatableResponse start(Map<String, Object> body) {
        return asDpo().body(body).when().post(BASE).then();
    }

    static RequestSpecification asDpo() {
        return given().auth().oauth2(TestTokens.user("jana.weber", "dpo")).contentType(ContentType.JSON);
    }
}
