package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class ObjectionTest {

    private static String objection(String subject) {
        return "/api/v1/subjects/" + subject + "/objection";
    }

    private static final Map<String, Object> BY_LETTER = Map.of("channel", "PAPER", "proofReference", "DSR-2026-0815");

    @Test
    void anObjectionDeniesLegitimateInterestAndDirectMarketingAndRevokesItsConsents() {
        String interest = ConsentFixtures.createPurpose("LEGITIMATE_INTEREST", false);
        String subject = UUID.randomUUID().toString();
        String phoneGrant = grantByPhone(subject, "phone-marketing");
        grantByPhone(subject, "web-analytics");

        String entryId = as("dpo")
                .body(BY_LETTER)
                .when()
                .post(objection(subject))
                .then()
                .statusCode(201)
                .body("recorded", equalTo(true))
                .body("revoked.purposes.purpose", org.hamcrest.Matchers.contains("phone-marketing"))
                .body("revoked.purposes[0].revokedEntryId", equalTo(phoneGrant))
                .extract()
                .path("entryId");

        for (String denied : List.of("phone-marketing", "newsletter", interest)) {
            DecisionResourceTest.decide(subject, denied)
                    .body("allowed", equalTo(false))
                    .body("reason", equalTo("OBJECTED"))
                    .body("entryId", equalTo(entryId));
        }
        DecisionResourceTest.decide(subject, "web-analytics").body("allowed", equalTo(true));
        assertThat(TestDatabase.rows(
                        "SELECT payload->>'purposes' AS purposes FROM outbox_event "
                                + "WHERE type = 'consent.revoked' AND subject_id = ?::uuid",
                        subject))
                .containsExactly(Map.of("purposes", "[\"phone-marketing\"]"));
    }

    @Test
    void objectingAgainChangesNothing() {
        String subject = UUID.randomUUID().toString();
        asService("retention-service")
                .body(Map.of("channel", "API"))
                .when()
                .post(objection(subject))
                .then()
                .statusCode(201);
        long entries = ConsentFixtures.ledgerRows();
        as("dpo")
                .body(BY_LETTER)
                .when()
                .post(objection(subject))
                .then()
                .statusCode(200)
                .body("recorded", equalTo(false));
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);
    }

    @Test
    void onlyTheDpoAndRetentionServiceRecordObjections() {
        String subject = UUID.randomUUID().toString();
        long entries = ConsentFixtures.ledgerRows();
        anonymous().body(BY_LETTER).when().post(objection(subject)).then().statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
            as(role).body(BY_LETTER).when().post(objection(subject)).then().statusCode(403);
        }
        asService("profile-service")
                .body(BY_LETTER)
                .when()
                .post(objection(subject))
                .then()
                .statusCode(403);
        as("dpo")
                .body(BY_LETTER)
                .when()
                .post(objection("not-a-uuid"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("dpo")
                .body(Map.of("proofReference", "x"))
                .when()
                .post(objection(subject))
                .then()
                .statusCode(400);
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);
    }
}
