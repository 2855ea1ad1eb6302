package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.anonymous;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asService;
import static org.opencdp.consent.api.ConsentFixtures.grant;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;
import static org.opencdp.consent.api.ConsentFixtures.revoke;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.consent.service.LegalHold;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** The DPO's history, and what an erasure leaves: restricted entries under a legal hold, then nothing. */
@QuarkusTest
@WithPostgres
class SubjectConsentResourceTest {

    @Inject
    LegalHold legalHold;

    private static String history(String subject) {
        return "/api/v1/subjects/" + subject + "/consents";
    }

    @Test
    void theHistoryShowsEveryEntryWithItsProofPageByPageAndTheReadIsAudited() {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> newsletter = grant("subjectId", subject, "newsletter", "PAPER");
        newsletter.put("email", "erika.history@example.de");
        newsletter.put("proofReference", "FORM-2026-000123");
        as("sales").body(newsletter).when().post(CONSENTS).then().statusCode(201);
        String granted = grantByPhone(subject, "web-analytics");
        revoke("subjectId", subject, List.of("web-analytics")).statusCode(200);

        String next = as("dpo")
                .queryParam("limit", 2)
                .when()
                .get(history(subject))
                .then()
                .statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("GRANT_PENDING", "GRANT"))
                .body("items[0].email", equalTo("erika.history@example.de"))
                .body("items[0].proofReference", equalTo("FORM-2026-000123"))
                .body("items[0].textHash", equalTo(newsletter.get("textHash")))
                .body("items[0].channel", equalTo("PAPER"))
                .body("items[0].recordedBy.kind", equalTo("USER"))
                .body("items[1].version", equalTo(newsletter.get("version")))
                .extract()
                .path("next");
        as("dpo")
                .queryParam("cursor", next)
                .when()
                .get(history(subject))
                .then()
                .statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("REVOKE"))
                .body("items[0].refersTo", equalTo(granted))
                .body("next", nullValue());
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ?::uuid AND action = 'consent-history.read'",
                        subject))
                .isEqualTo(2);
    }

    @Test
    void onlyTheDpoReadsTheHistory() {
        String subject = UUID.randomUUID().toString();
        anonymous().when().get(history(subject)).then().statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "admin")) {
            as(role).when().get(history(subject)).then().statusCode(403);
        }
        asService("retention-service").when().get(history(subject)).then().statusCode(403);
        as("dpo").when().get(history("not-a-uuid")).then().statusCode(400);
        as("dpo").when().get(history(subject)).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anErasedSubjectsEntriesAreKeptUnderALegalHoldAndDecisionsSayErased() {
        String subject = UUID.randomUUID().toString();
        grantByPhone(subject, "phone-marketing");
        long entries = TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", subject);
        LocalDate until = LocalDate.of(LocalDate.now(ZoneOffset.UTC).getYear() + 3, 12, 31);

        List<Map<String, Object>> receipt = asService("retention-service")
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .path("categories.findAll { it.category == 'consent-ledger' }");
        assertThat(receipt).singleElement().satisfies(ledger -> {
            assertThat(((Number) ledger.get("keptUnderLegalHold")).longValue()).isEqualTo(entries);
            assertThat(ledger.get("keptUntil")).isEqualTo(until.toString());
            assertThat((String) ledger.get("legalReference")).contains("17(3)(e)");
        });

        DecisionResourceTest.decide(subject, "phone-marketing")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("ERASED"));
        as("sales")
                .body(grant("subjectId", subject, "phone-marketing", "PHONE"))
                .when()
                .post(CONSENTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("dpo").when().get(history(subject)).then().statusCode(200).body("items.size()", equalTo((int) entries));

        legalHold.purgeEndedHolds(until);
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", subject))
                .as("still within the hold on its last day")
                .isEqualTo(entries);
        legalHold.purgeEndedHolds(until.plusDays(1));
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", subject))
                .isZero();
        DecisionResourceTest.decide(subject, "phone-marketing").body("reason", equalTo("ERASED"));
    }
}
