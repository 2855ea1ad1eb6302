package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.REVOCATIONS;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.grant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every bad input the issue names for recording and revoking: a problem, and the ledger unchanged. */
@QuarkusTest
@WithPostgres
class ConsentBadInputTest {

    private long ledgerBefore;
    private long stateBefore;
    private long outboxBefore;

    @BeforeEach
    void countRows() {
        ledgerBefore = TestDatabase.count("SELECT count(*) FROM consent_entry");
        stateBefore = TestDatabase.count("SELECT count(*) FROM consent_state");
        outboxBefore = TestDatabase.count("SELECT count(*) FROM outbox_event");
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry")).isEqualTo(ledgerBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_state")).isEqualTo(stateBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event")).isEqualTo(outboxBefore);
    }

    private static ValidatableResponse grantWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = grant("subjectId", UUID.randomUUID().toString(), "web-analytics", "PHONE");
        change.accept(body);
        return as("sales").body(body).when().post(CONSENTS).then().contentType("application/problem+json");
    }

    @Test
    void anUnknownPurposeIs422() {
        grantWith(b -> b.put("purpose", "no-such-purpose")).statusCode(422);
        as("sales")
                .body(Map.of(
                        "subjectId",
                        UUID.randomUUID().toString(),
                        "purposes",
                        List.of("no-such-purpose"),
                        "channel",
                        "PHONE"))
                .when()
                .post(REVOCATIONS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void aVersionThatDoesNotExistIs422() {
        grantWith(b -> b.put("version", 999))
                .statusCode(422)
                .body("detail", equalTo("Purpose web-analytics has no version 999."));
    }

    @Test
    void aLanguageTheVersionDoesNotOfferIs422() {
        grantWith(b -> b.put("language", "fr")).statusCode(422);
    }

    @Test
    void aTextHashThatIsNotTheVersionsIs422() {
        grantWith(b -> b.put("textHash", "0".repeat(64))).statusCode(422);
        grantWith(b -> b.put("textHash", "not-a-hash")).statusCode(400).body("errors[0].field", equalTo("textHash"));
    }

    @Test
    void aGrantForAPurposeThatDoesNotRestOnConsentIs422() {
        String contract = ConsentFixtures.createPurpose("CONTRACT", false);
        countRows();
        grantWith(b -> {
                    b.put("purpose", contract);
                    b.put("textHash", ConsentFixtures.currentHash(contract, "de"));
                    b.put("version", 1);
                })
                .statusCode(422);
        as("sales")
                .body(Map.of(
                        "subjectId", UUID.randomUUID().toString(), "purposes", List.of(contract), "channel", "PHONE"))
                .when()
                .post(REVOCATIONS)
                .then()
                .statusCode(422);
    }

    @Test
    void visitorIdsNotInTheDocumentedFormatAre400() {
        for (String bad : List.of(
                "3F6B1C0E9A7D4E2B8C5A1F0D6E9B2C47",
                "3f6b1c0e-9a7d-4e2b-8c5a-1f0d6e9b2c47",
                "3f6b1c0e9a7d4e2b8c5a1f0d6e9b2c4",
                "visitor-1")) {
            grantWith(b -> {
                        b.remove("subjectId");
                        b.put("visitorId", bad);
                    })
                    .statusCode(400)
                    .body("errors[0].field", equalTo("visitorId"));
        }
    }

    @Test
    void exactlyOneHolderIsNamed() {
        grantWith(b -> b.put("visitorId", ConsentFixtures.newVisitorId())).statusCode(400);
        grantWith(b -> b.remove("subjectId")).statusCode(400);
        grantWith(b -> b.put("subjectId", "not-a-uuid")).statusCode(400).body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    void aPaymentNumberInTheProofReferenceIsRefused() {
        grantWith(b -> b.put("proofReference", "4111 1111 1111 1111"))
                .statusCode(400)
                .body("errors[0].field", equalTo("proofReference"))
                .body("errors[0].message", equalTo("must not contain a payment card number"));
        grantWith(b -> b.put("proofReference", "DE89 3704 0044 0532 0130 00"))
                .statusCode(400)
                .body("errors[0].message", equalTo("must not contain an IBAN"));
    }

    @Test
    void theNewsletterNeedsAnAddressAndOthersTakeNone() {
        grantWith(b -> {
                    b.put("purpose", "newsletter");
                    b.put("textHash", ConsentFixtures.currentHash("newsletter", "de"));
                    b.put("version", ConsentFixtures.currentVersion("newsletter"));
                })
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
        grantWith(b -> b.put("email", "erika@example.de")).statusCode(400).body("errors[0].field", equalTo("email"));
        grantWith(b -> b.put("email", "not-an-address")).statusCode(400);
    }

    @Test
    void aRevocationNamesPurposesOrAllButNotBoth() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("subjectId", UUID.randomUUID().toString(), "channel", "PHONE"),
                Map.<String, Object>of(
                        "subjectId",
                        UUID.randomUUID().toString(),
                        "channel",
                        "PHONE",
                        "all",
                        true,
                        "purposes",
                        List.of("newsletter")))) {
            as("sales")
                    .body(body)
                    .when()
                    .post(REVOCATIONS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
