package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.asShop;
import static org.opencdp.consent.api.ConsentFixtures.grant;
import static org.opencdp.consent.api.ConsentFixtures.newVisitorId;
import static org.opencdp.consent.api.ConsentFixtures.revoke;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class VisitorLinkTest {

    private static String link(String visitor) {
        return "/api/v1/visitors/" + visitor + "/subject";
    }

    private static String visitorGrant(String visitor, String purpose) {
        return asShop().body(grant("visitorId", visitor, purpose, "WEB_FORM"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("entryId");
    }

    @Test
    void aLinkedVisitorsConsentsBecomeTheSubjectsWithTheirProofKept() {
        String visitor = newVisitorId();
        String subject = UUID.randomUUID().toString();
        String analytics = visitorGrant(visitor, "web-analytics");
        visitorGrant(visitor, "personalisation");
        revoke("visitorId", visitor, List.of("personalisation")).statusCode(200);

        asService("profile-service")
                .body(Map.of("subjectId", subject))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(201)
                .body("linked", equalTo(true))
                .body("carried.purpose", org.hamcrest.Matchers.contains("web-analytics"))
                .body("carried[0].linkedFrom", equalTo(analytics));

        String carried = DecisionResourceTest.decide(subject, "web-analytics")
                .body("allowed", equalTo(true))
                .extract()
                .path("entryId");
        Map<String, Object> copy = TestDatabase.rows("""
                        SELECT c.linked_from::text AS linked_from, c.text_hash = o.text_hash AS same_hash,
                               c.purpose_version = o.purpose_version AS same_version, c.channel
                          FROM consent_entry c JOIN consent_entry o ON o.id = c.linked_from
                         WHERE c.id = ?::uuid""", carried).getFirst();
        assertThat(copy)
                .containsEntry("linked_from", analytics)
                .containsEntry("same_hash", true)
                .containsEntry("same_version", true)
                .containsEntry("channel", "WEB_FORM");
        DecisionResourceTest.decide(subject, "personalisation").body("reason", equalTo("NOT_GRANTED"));
        as("dpo")
                .when()
                .get("/api/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("GRANT", "GRANT", "REVOKE", "LINK", "GRANT"))
                .body("items[3].linkedSubject", equalTo(subject));
    }

    @Test
    void aLaterRevocationByTheVisitorEndsTheSubjectsEarlierGrant() {
        String visitor = newVisitorId();
        String subject = UUID.randomUUID().toString();
        ConsentFixtures.grantByPhone(subject, "web-analytics");
        visitorGrant(visitor, "web-analytics");
        revoke("visitorId", visitor, List.of("web-analytics")).statusCode(200);

        asShop().body(Map.of("subjectId", subject))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(201)
                .body("carried[0].action", equalTo("REVOKE"));
        DecisionResourceTest.decide(subject, "web-analytics").body("reason", equalTo("REVOKED"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'consent.revoked' AND subject_id = ?::uuid",
                        subject))
                .isOne();
    }

    @Test
    void aVisitorBelongsToOneSubject() {
        String visitor = newVisitorId();
        String subject = UUID.randomUUID().toString();
        visitorGrant(visitor, "web-analytics");
        as("sales")
                .body(Map.of("subjectId", subject))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(201);
        long entries = ConsentFixtures.ledgerRows();
        as("sales")
                .body(Map.of("subjectId", subject))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(200)
                .body("linked", equalTo(false));
        as("sales")
                .body(Map.of("subjectId", UUID.randomUUID().toString()))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);
    }

    @Test
    void badIdsAndOtherCallersAreRefused() {
        String visitor = newVisitorId();
        Map<String, Object> body = Map.of("subjectId", UUID.randomUUID().toString());
        long entries = ConsentFixtures.ledgerRows();
        anonymous().body(body).when().post(link(visitor)).then().statusCode(401);
        for (String role : List.of("service", "marketing", "analyst", "dpo", "admin")) {
            as(role).body(body).when().post(link(visitor)).then().statusCode(403);
        }
        asService("behaviour-service")
                .body(body)
                .when()
                .post(link(visitor))
                .then()
                .statusCode(403);
        as("sales")
                .body(body)
                .when()
                .post(link("NOT-HEX"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visitorId"));
        as("sales")
                .body(Map.of("subjectId", "nope"))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);
    }

    @Test
    void erasingTheSubjectErasesItsLinkedVisitorsToo() {
        String visitor = newVisitorId();
        String subject = UUID.randomUUID().toString();
        visitorGrant(visitor, "web-analytics");
        as("sales")
                .body(Map.of("subjectId", subject))
                .when()
                .post(link(visitor))
                .then()
                .statusCode(201);

        asService("retention-service")
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);

        asService("tracking-service")
                .queryParam("visitorId", visitor)
                .queryParam("purpose", "web-analytics")
                .when()
                .get("/api/v1/decisions")
                .then()
                .statusCode(200)
                .body("reason", equalTo("ERASED"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM consent_entry WHERE holder_id = replace(?, '-', '')::uuid", visitor))
                .as("the visitor's proofs are kept under the hold")
                .isEqualTo(2);
    }
}
