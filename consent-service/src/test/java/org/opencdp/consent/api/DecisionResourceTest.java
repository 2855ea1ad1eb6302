package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.asShop;
import static org.opencdp.consent.api.ConsentFixtures.grant;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;
import static org.opencdp.consent.api.ConsentFixtures.newVisitorId;
import static org.opencdp.consent.api.ConsentFixtures.revoke;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithPostgres
class DecisionResourceTest {

    @Inject
    @io.quarkus.agroal.DataSource("decisions")
    AgroalDataSource decisionDatabase;

    @Inject
    DataSource ledgerDatabase;

    static final String DECISIONS = "/api/v1/decisions";

    static ValidatableResponse decide(String subjectId, String purpose) {
        return asService("tracking-service")
                .queryParam("subjectId", subjectId)
                .queryParam("purpose", purpose)
                .when()
                .get(DECISIONS)
                .then()
                .statusCode(200);
    }

    @Test
    void aGrantAllowsAndTheNextRequestAfterARevocationDenies() {
        String subject = UUID.randomUUID().toString();
        decide(subject, "web-analytics")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("NOT_GRANTED"))
                .body("entryId", nullValue());

        String granted = grantByPhone(subject, "web-analytics");
        decide(subject, "web-analytics")
                .body("allowed", equalTo(true))
                .body("reason", equalTo("GRANTED"))
                .body("legalBasis", equalTo("CONSENT"))
                .body("entryId", equalTo(granted));

        String revoked = revoke("subjectId", subject, List.of("web-analytics"))
                .statusCode(200)
                .extract()
                .path("purposes[0].entryId");
        decide(subject, "web-analytics")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("REVOKED"))
                .body("entryId", equalTo(revoked));
    }

    /**
     * Single decisions are decided together with those in flight beside them (Decisions): with four callers asking
     * all the time, for known and unknown purposes, each revocation acknowledged is seen by the next decision, and
     * each caller gets its own answer (an unknown purpose a 422 for that request only).
     */
    @Test
    void aRevocationIsSeenByTheNextDecisionWithManyDecisionsInFlight() throws Exception {
        AtomicBoolean asking = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> others = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                boolean unknown = c == 0;
                others.add(callers.submit(() -> {
                    int asked = 0;
                    while (asking.get()) {
                        String subject = UUID.randomUUID().toString();
                        ValidatableResponse answer = asService("tracking-service")
                                .queryParam("subjectId", subject)
                                .queryParam("purpose", unknown ? "no-such-purpose" : "personalisation")
                                .when()
                                .get(DECISIONS)
                                .then();
                        if (unknown) {
                            answer.statusCode(422).contentType("application/problem+json");
                        } else {
                            answer.statusCode(200)
                                    .body("subjectId", equalTo(subject))
                                    .body("reason", equalTo("NOT_GRANTED"));
                        }
                        asked++;
                    }
                    return asked;
                }));
            }
            for (int round = 0; round < 5; round++) {
                String subject = UUID.randomUUID().toString();
                String granted = grantByPhone(subject, "personalisation");
                decide(subject, "personalisation")
                        .body("reason", equalTo("GRANTED"))
                        .body("entryId", equalTo(granted));
                String revoked = revoke("subjectId", subject, List.of("personalisation"))
                        .statusCode(200)
                        .extract()
                        .path("purposes[0].entryId");
                decide(subject, "personalisation")
                        .body("allowed", equalTo(false))
                        .body("reason", equalTo("REVOKED"))
                        .body("entryId", equalTo(revoked));
            }
            asking.set(false);
            for (Future<Integer> other : others) {
                assertThat(other.get()).isPositive();
            }
        } finally {
            asking.set(false);
            callers.shutdownNow();
        }
    }

    @Test
    void aNewsletterWaitsForItsConfirmation() {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> body = grant("subjectId", subject, "newsletter", "PHONE");
        body.put("email", "erika.decision@example.de");
        as("sales").body(body).when().post(CONSENTS).then().statusCode(201);
        decide(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("PENDING_CONFIRMATION"));
    }

    @Test
    void purposesNotRestingOnConsentAreAllowedByTheirLegalBasis() {
        String contract = ConsentFixtures.createPurpose("CONTRACT", false);
        String interest = ConsentFixtures.createPurpose("LEGITIMATE_INTEREST", false);
        String subject = UUID.randomUUID().toString();
        decide(subject, contract)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("LEGAL_BASIS"))
                .body("legalBasis", equalTo("CONTRACT"));
        decide(subject, interest)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("LEGAL_BASIS"))
                .body("legalBasis", equalTo("LEGITIMATE_INTEREST"));
    }

    @Test
    void aBatchIsAnsweredInTheOrderOfItsPairs() {
        String subject = UUID.randomUUID().toString();
        String visitor = newVisitorId();
        grantByPhone(subject, "personalisation");
        asShop().body(grant("visitorId", visitor, "web-analytics", "WEB_FORM"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201);
        asService("behaviour-service")
                .body(Map.of(
                        "pairs",
                        List.of(
                                Map.of("subjectId", subject, "purpose", "personalisation"),
                                Map.of("visitorId", visitor, "purpose", "web-analytics"),
                                Map.of("visitorId", visitor, "purpose", "personalisation"))))
                .when()
                .post(DECISIONS)
                .then()
                .statusCode(200)
                .body("decisions.allowed", org.hamcrest.Matchers.contains(true, true, false))
                .body("decisions[0].subjectId", equalTo(subject))
                .body("decisions[1].visitorId", equalTo(visitor))
                .body("decisions[2].reason", equalTo("NOT_GRANTED"));
    }

    @Test
    void aBatchOverOneThousandPairsIsRefusedWhole() {
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            pairs.add(Map.of("subjectId", UUID.randomUUID().toString(), "purpose", "newsletter"));
        }
        asService("profile-service")
                .body(Map.of("pairs", pairs))
                .when()
                .post(DECISIONS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("decisions", nullValue());
        asService("profile-service")
                .body(Map.of("pairs", pairs.subList(0, 1_000)))
                .when()
                .post(DECISIONS)
                .then()
                .statusCode(200)
                .body("decisions.size()", equalTo(1_000));
    }

    @Test
    void unknownPurposesAndBadHoldersAreProblems() {
        String subject = UUID.randomUUID().toString();
        asService("tracking-service")
                .queryParam("subjectId", subject)
                .queryParam("purpose", "no-such-purpose")
                .when()
                .get(DECISIONS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        asService("tracking-service")
                .queryParam("visitorId", "ABC")
                .queryParam("purpose", "web-analytics")
                .when()
                .get(DECISIONS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visitorId"));
        asService("tracking-service")
                .queryParam("subjectId", subject)
                .when()
                .get(DECISIONS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("purpose"));
        asService("tracking-service")
                .body(Map.of(
                        "pairs",
                        List.of(
                                Map.of("subjectId", subject, "purpose", "web-analytics"),
                                Map.of("visitorId", "not-hex", "purpose", "web-analytics"))))
                .when()
                .post(DECISIONS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pairs[1].visitorId"));
        asService("tracking-service")
                .body(Map.of("pairs", List.of(Map.of("subjectId", subject, "purpose", "no-such-purpose"))))
                .when()
                .post(DECISIONS)
                .then()
                .statusCode(422);
    }

    @Test
    void theCallersThatNeedDecisionsMayAskAndNoOneElse() {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("pairs", List.of(Map.of("subjectId", subject, "purpose", "newsletter")));
        anonymous()
                .queryParam("subjectId", subject)
                .queryParam("purpose", "newsletter")
                .when()
                .get(DECISIONS)
                .then()
                .statusCode(401);
        anonymous().body(batch).when().post(DECISIONS).then().statusCode(401);
        for (String role : List.of("analyst", "dpo", "admin")) {
            as(role).queryParam("subjectId", subject)
                    .queryParam("purpose", "newsletter")
                    .when()
                    .get(DECISIONS)
                    .then()
                    .statusCode(403);
            as(role).body(batch).when().post(DECISIONS).then().statusCode(403);
        }
        asService("retention-service").body(batch).when().post(DECISIONS).then().statusCode(403);
        asShop().body(batch).when().post(DECISIONS).then().statusCode(403);
        for (String role : List.of("sales", "service", "marketing")) {
            as(role).body(batch).when().post(DECISIONS).then().statusCode(200);
        }
        for (String service : List.of("tracking-service", "behaviour-service", "profile-service")) {
            asService(service).body(batch).when().post(DECISIONS).then().statusCode(200);
        }
    }

    @Test
    void theDecisionTimeIsAMetricForTheBenchmark() {
        decide(UUID.randomUUID().toString(), "newsletter");
        given().baseUri(URI.create(TestHTTPResourceManager.getManagementUri())
                        .resolve("/")
                        .toString())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("opencdp_consent_decision_seconds_bucket{kind=\"single\""))
                // The fine buckets around the 1 ms target the benchmark reads its p99 from.
                .body(containsString("opencdp_consent_decision_seconds_bucket{kind=\"single\",le=\"0.00125\""))
                .body(containsString("opencdp_consent_decision_seconds{kind=\"single\",quantile=\"0.99\"}"));
    }

    /**
     * The decision statements run on a pool of their own (DecisionRepository): it must reach the very database and
     * user the ledger is written through (read-your-writes), and its sessions plan generically.
     */
    @Test
    void decisionsReadTheLedgersDatabaseAndPlanGenerically() throws Exception {
        assertThat(session(decisionDatabase)).isEqualTo(session(ledgerDatabase));
        try (Connection c = decisionDatabase.getConnection();
                ResultSet mode = c.createStatement().executeQuery("SHOW plan_cache_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1)).isEqualTo("force_generic_plan");
        }
    }

    private static List<String> session(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet row = c.createStatement()
                        .executeQuery("SELECT current_database(), current_user, inet_server_port()")) {
            assertThat(row.next()).isTrue();
            return List.of(row.getString(1), row.getString(2), String.valueOf(row.getInt(3)));
        }
    }
}
