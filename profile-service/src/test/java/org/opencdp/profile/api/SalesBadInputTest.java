package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.SalesFixtures.FOLLOW_UPS;
import static org.opencdp.profile.api.SalesFixtures.LEADS;
import static org.opencdp.profile.api.SalesFixtures.createFollowUp;
import static org.opencdp.profile.api.SalesFixtures.createLead;
import static org.opencdp.profile.api.SalesFixtures.personLead;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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

/** Bad leads and follow-ups: a 400 problem naming the field, and nothing stored. */
@QuarkusTest
@WithPostgres
class SalesBadInputTest {

    private static UUID existingLead;

    private long leadsBefore;
    private long followUpsBefore;
    private long auditBefore;
    private long keysBefore;

    @BeforeEach
    void countRows() {
        if (existingLead == null) {
            existingLead = SalesFixtures.createdLead(personLead());
        }
        leadsBefore = TestDatabase.count("SELECT count(*) FROM lead");
        followUpsBefore = TestDatabase.count("SELECT count(*) FROM follow_up");
        auditBefore = TestDatabase.count("SELECT count(*) FROM audit_entry");
        keysBefore = TestDatabase.KEYS.number("SELECT count(*) FROM subject_key");
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(TestDatabase.count("SELECT count(*) FROM lead")).isEqualTo(leadsBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up")).isEqualTo(followUpsBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);
        assertThat(TestDatabase.KEYS.number("SELECT count(*) FROM subject_key")).isEqualTo(keysBefore);
    }

    private static ValidatableResponse leadWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> lead = personLead();
        change.accept(lead);
        return createLead(lead).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aLeadWithoutTypeOrSourceIsRefused() {
        leadWith(lead -> lead.remove("type")).body("errors.field", hasItem("type"));
        leadWith(lead -> lead.remove("source")).body("errors.field", hasItem("source"));
        leadWith(lead -> lead.put("source", "BILLBOARD"));
    }

    @Test
    void aPersonLeadNeedsNamesAndNoCompanyName() {
        leadWith(lead -> lead.remove("familyName")).body("errors.field", hasItem("familyName"));
        leadWith(lead -> lead.put("companyName", "Musterbau GmbH")).body("errors.field", hasItem("companyName"));
    }

    @Test
    void aCompanyLeadNeedsACompanyNameAndNoPersonsNames() {
        leadWith(lead -> {
                    lead.put("type", "COMPANY");
                    lead.remove("salutation");
                })
                .body("errors.field", hasItem("givenName"))
                .body("errors.field", hasItem("familyName"))
                .body("errors.field", hasItem("companyName"));
    }

    @Test
    void badContactDataIsNamed() {
        leadWith(lead -> lead.put("email", "not-an-address")).body("errors.field", hasItem("email"));
        leadWith(lead -> lead.put("phone", "12")).body("errors.field", hasItem("phone"));
        leadWith(lead -> lead.put("givenName", "x".repeat(101))).body("errors.field", hasItem("givenName"));
    }

    @Test
    void aCardNumberInAnyFieldIsRefused() {
        leadWith(lead -> lead.put("familyName", "4111 1111 1111 1111")).body("errors.field", hasItem("familyName"));
    }

    @Test
    void unknownFieldsAndAStageAreRefused() {
        leadWith(lead -> lead.put("stage", "WON"));
        leadWith(lead -> lead.put("id", UUID.randomUUID().toString()));
    }

    @Test
    void badParametersAreNamed() {
        as("sales")
                .queryParam("stage", "ASLEEP")
                .when()
                .get(LEADS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        as("sales")
                .queryParam("limit", 101)
                .when()
                .get(LEADS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("sales").when().get(LEADS + "/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("sales")
                .body(Map.of("stage", "SOMEWHERE"))
                .when()
                .put(LEADS + "/" + existingLead + "/stage")
                .then()
                .statusCode(400);
        as("sales")
                .body(Map.of())
                .when()
                .put(LEADS + "/" + existingLead + "/stage")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("stage"));
        as("sales")
                .queryParam("due", "tomorrow")
                .when()
                .get(FOLLOW_UPS + "/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("due"));
        as("sales")
                .queryParam("cursor", "Zm9v")
                .when()
                .get(FOLLOW_UPS + "/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("sales")
                .when()
                .post(FOLLOW_UPS + "/not-a-uuid/completion")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aFollowUpOnNobodyOrInThePastIsRefused() {
        createFollowUp("sales", UUID.randomUUID(), LocalDate.now(ZoneOffset.UTC).plusDays(1), "Call back")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
        createFollowUp("sales", existingLead, LocalDate.now(ZoneOffset.UTC).minusDays(2), "Call back")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueDate"));
        createFollowUp(
                        "sales",
                        existingLead,
                        LocalDate.now(ZoneOffset.UTC).plusDays(1),
                        "IBAN DE89 3704 0044 0532 0130 00")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void aFollowUpNeedsItsFieldsWellFormed() {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectId", "nobody");
        body.put("owner", "two words");
        body.put("note", "n".repeat(2001));
        as("service")
                .body(body)
                .when()
                .post(FOLLOW_UPS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("subjectId"))
                .body("errors.field", hasItem("dueDate"))
                .body("errors.field", hasItem("owner"))
                .body("errors.field", hasItem("note"));
        as("sales").body("{\"subjectId\":").when().post(FOLLOW_UPS).then().statusCode(400);
    }
}
