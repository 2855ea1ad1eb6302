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

    private static String withdrawal(String subject) {
        return objection(subject) + "/withdrawal";
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

    @Test
    void aWithdrawnObjectionAllowsLegitimateInterestAgainButItsRevocationsStand() {
        String interest = ConsentFixtures.createPurpose("LEGITIMATE_INTEREST", false);
        String subject = UUID.randomUUID().toString();
        grantByPhone(subject, "phone-marketing");
        String objectionId = as("dpo")
                .body(BY_LETTER)
                .when()
                .post(objection(subject))
                .then()
                .statusCode(201)
                .extract()
                .path("entryId");

        String withdrawalId = as("dpo")
                .body(Map.of("channel", "PAPER", "proofReference", "DSR-2026-0999"))
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(201)
                .body("recorded", equalTo(true))
                .body("objectionEntryId", equalTo(objectionId))
                .extract()
                .path("entryId");

        // Append-only: the objection stays as evidence, the withdrawal points to it.
        assertThat(TestDatabase.rows(
                        "SELECT action, refers_to::text AS refers FROM consent_entry WHERE holder_id = ?::uuid "
                                + "AND purpose_id IS NULL ORDER BY sequence",
                        subject))
                .extracting(row -> row.get("action") + " " + row.get("refers"))
                .containsExactly("OBJECTION null", "OBJECTION_WITHDRAWN " + objectionId);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM consent_entry WHERE id = ?::uuid AND proof_reference = 'DSR-2026-0999'",
                        withdrawalId))
                .isEqualTo(1);
        DecisionResourceTest.decide(subject, interest)
                .body("allowed", equalTo(true))
                .body("reason", equalTo("LEGAL_BASIS"));
        // The objection revoked this consent; a withdrawn objection is not a new consent.
        DecisionResourceTest.decide(subject, "phone-marketing")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("REVOKED"));
        DecisionResourceTest.decide(subject, "newsletter").body("reason", equalTo("NOT_GRANTED"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ?::uuid "
                                + "AND action = 'consent.withdraw-objection'",
                        subject))
                .isEqualTo(1);

        String regrant = grantByPhone(subject, "phone-marketing");
        DecisionResourceTest.decide(subject, "phone-marketing")
                .body("allowed", equalTo(true))
                .body("entryId", equalTo(regrant));
    }

    @Test
    void withdrawingWhenNoObjectionIsInForceChangesNothing() {
        String subject = UUID.randomUUID().toString();
        long entries = ConsentFixtures.ledgerRows();
        as("dpo")
                .body(BY_LETTER)
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(200)
                .body("recorded", equalTo(false))
                .body("entryId", org.hamcrest.Matchers.nullValue());
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);

        as("dpo").body(BY_LETTER).when().post(objection(subject)).then().statusCode(201);
        as("dpo").body(BY_LETTER).when().post(withdrawal(subject)).then().statusCode(201);
        long afterWithdrawal = ConsentFixtures.ledgerRows();
        as("dpo")
                .body(BY_LETTER)
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(200)
                .body("recorded", equalTo(false));
        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(afterWithdrawal);
    }

    @Test
    void aSubjectMayObjectAgainAfterWithdrawing() {
        String interest = ConsentFixtures.createPurpose("LEGITIMATE_INTEREST", false);
        String subject = UUID.randomUUID().toString();
        as("dpo").body(BY_LETTER).when().post(objection(subject)).then().statusCode(201);
        as("dpo").body(BY_LETTER).when().post(withdrawal(subject)).then().statusCode(201);

        String again = asService("retention-service")
                .body(Map.of("channel", "API"))
                .when()
                .post(objection(subject))
                .then()
                .statusCode(201)
                .extract()
                .path("entryId");

        DecisionResourceTest.decide(subject, interest)
                .body("reason", equalTo("OBJECTED"))
                .body("entryId", equalTo(again));
    }

    @Test
    void onlyTheDpoAndRetentionServiceWithdrawObjectionsAndBadInputChangesNothing() {
        String subject = UUID.randomUUID().toString();
        as("dpo").body(BY_LETTER).when().post(objection(subject)).then().statusCode(201);
        long entries = ConsentFixtures.ledgerRows();

        anonymous().body(BY_LETTER).when().post(withdrawal(subject)).then().statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
            as(role).body(BY_LETTER).when().post(withdrawal(subject)).then().statusCode(403);
        }
        asService("profile-service")
                .body(BY_LETTER)
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(403);
        as("dpo")
                .body(BY_LETTER)
                .when()
                .post(withdrawal("not-a-uuid"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("dpo")
                .body(Map.of("proofReference", "x"))
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        as("dpo")
                .body(Map.of("channel", "PAPER", "proofReference", "DE89 3704 0044 0532 0130 00"))
                .when()
                .post(withdrawal(subject))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("proofReference"));

        assertThat(ConsentFixtures.ledgerRows()).isEqualTo(entries);
        DecisionResourceTest.decide(subject, "phone-marketing").body("reason", equalTo("OBJECTED"));
    }
}
