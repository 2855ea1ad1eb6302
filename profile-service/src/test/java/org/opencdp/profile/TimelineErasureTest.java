package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The timeline and the feedback answers under the subject-rights contract: exported decrypted, erased except business letters, which stay
 * under a legal hold (HGB §257: 6 years after the end of their year) with the subject's key.
 */
@QuarkusTest
@WithPostgres
class TimelineErasureTest {

    private static final String SUBJECT_RIGHTS = "/api/v1/subject-rights/";

    @Inject
    SubjectKeyVault keys;

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asRetentionService() {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON);
    }

    private static UUID aCustomer() {
        return UUID.fromString(as("sales")
                .body(Map.of("type", "PERSON", "givenName", "Erika", "familyName", "Mustermann"))
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static void record(UUID customer, String channel, String direction, String occurredAt, String summary) {
        as("sales")
                .body(Map.of("channel", channel, "direction", direction, "occurredAt", occurredAt, "summary", summary))
                .when()
                .post("/api/v1/customers/" + customer + "/timeline")
                .then()
                .statusCode(201);
    }

    private static JsonPath export(UUID customer) {
        return asRetentionService()
                .when()
                .get(SUBJECT_RIGHTS + customer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theExportHoldsEveryEntryDecryptedInItsRetentionCategory() {
        UUID customer = aCustomer();
        record(customer, "CALL", "INBOUND", "2026-11-02T10:00:00Z", "Asked for a callback");
        record(customer, "LETTER", "OUTBOUND", "2026-11-03T10:00:00Z", "Offer 2026-118 sent");
        record(customer, "NOTE", "INTERNAL", "2026-11-04T10:00:00Z", "Prefers mornings");
        as("service")
                .body(Map.of("csat", 5, "source", "AGENT", "comment", "Very happy with the offer"))
                .when()
                .post("/api/v1/customers/" + customer + "/feedback")
                .then()
                .statusCode(201);

        JsonPath export = export(customer);

        assertThat(export.getString("categories.find { it.category == 'call-records' }.data[0].summary"))
                .isEqualTo("Asked for a callback");
        assertThat(export.getString("categories.find { it.category == 'commercial-letters' }.data[0].summary"))
                .isEqualTo("Offer 2026-118 sent");
        assertThat(export.getString("categories.find { it.category == 'communication-timeline' }.data[0].agent"))
                .isEqualTo("sales.user");
        assertThat(export.getString("categories.find { it.category == 'customer-feedback' }.data[0].comment"))
                .isEqualTo("Very happy with the offer");
        assertThat(export.getInt("categories.find { it.category == 'communication-timeline' }.records"))
                .as("the note and the answer's FEEDBACK entry")
                .isEqualTo(2);
    }

    @Test
    void erasureKeepsBusinessLettersUnderALegalHoldAndDeletesTheRest() {
        UUID customer = aCustomer();
        record(customer, "CALL", "INBOUND", "2026-11-02T10:00:00Z", "Asked for a callback");
        record(customer, "NOTE", "INTERNAL", "2026-11-04T10:00:00Z", "Prefers mornings");
        record(customer, "LETTER", "OUTBOUND", "2026-11-03T10:00:00Z", "Offer 2026-118 sent");
        // Its duty ended on 31 December 2025: nothing keeps it any more.
        record(customer, "EMAIL", "OUTBOUND", "2019-03-01T10:00:00Z", "Order confirmation 2019-77");

        JsonPath receipt = asRetentionService()
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(SUBJECT_RIGHTS + customer + "/erasure")
                .then()
                .statusCode(200)
                .body("categories.find { it.category == 'commercial-letters' }.erased", equalTo(1))
                .body("categories.find { it.category == 'commercial-letters' }.keptUnderLegalHold", equalTo(1))
                .body("categories.find { it.category == 'commercial-letters' }.keptUntil", equalTo("2032-12-31"))
                .body("categories.find { it.category == 'call-records' }.erased", equalTo(1))
                .body("categories.find { it.category == 'communication-timeline' }.erased", equalTo(1))
                .body("categories.find { it.category == 'subject-key' }.keptUnderLegalHold", equalTo(1))
                .extract()
                .jsonPath();
        assertThat(receipt.getString("categories.find { it.category == 'commercial-letters' }.legalReference"))
                .contains("HGB §257");

        assertThat(TestDatabase.rows(
                        "SELECT channel, retained_until FROM timeline_entry WHERE subject_id = ?", customer))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("channel")).isEqualTo("LETTER");
                    assertThat(row.get("retained_until").toString()).isEqualTo("2032-12-31");
                });
        JsonPath export = export(customer);
        assertThat(export.getBoolean("restricted")).isTrue();
        assertThat(export.getString("categories.find { it.category == 'commercial-letters' }.data[0].summary"))
                .isEqualTo("Offer 2026-118 sent");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM subject_restriction WHERE subject_id = ? AND basis = 'LEGAL_HOLD'"
                                + " AND until = ?",
                        customer,
                        LocalDate.parse("2032-12-31")))
                .isOne();
        as("sales")
                .when()
                .get("/api/v1/customers/" + customer + "/timeline")
                .then()
                .statusCode(404);
    }

    @Test
    void aRepeatedErasureDeletesNothingAndReportsTheSameKeptLetter() {
        UUID customer = aCustomer();
        record(customer, "LETTER", "OUTBOUND", "2026-11-03T10:00:00Z", "Offer 2026-118 sent");
        asRetentionService()
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(SUBJECT_RIGHTS + customer + "/erasure")
                .then()
                .statusCode(200);

        asRetentionService()
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(SUBJECT_RIGHTS + customer + "/erasure")
                .then()
                .statusCode(200)
                .body("categories.find { it.category == 'commercial-letters' }.erased", equalTo(0))
                .body("categories.find { it.category == 'commercial-letters' }.keptUnderLegalHold", equalTo(1));
    }

    @Test
    void onceTheHoldHasEndedAndTheKeyIsGoneTheKeptLetterIsExportedWithoutItsContent() {
        UUID customer = aCustomer();
        record(customer, "LETTER", "OUTBOUND", "2026-11-03T10:00:00Z", "Offer 2026-118 sent");
        asRetentionService()
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(SUBJECT_RIGHTS + customer + "/erasure")
                .then()
                .statusCode(200);
        // What LegalHoldExpiry does on the day after the hold (libs/subject-rights tests it with a moved clock).
        keys.destroy(customer);

        JsonPath export = export(customer);

        assertThat(export.getString("categories.find { it.category == 'commercial-letters' }.data[0].channel"))
                .isEqualTo("LETTER");
        assertThat(export.getString("categories.find { it.category == 'commercial-letters' }.data[0].summary"))
                .isNull();
    }
}
