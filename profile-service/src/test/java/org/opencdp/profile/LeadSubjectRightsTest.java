package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The subject-rights contract for a lead with a follow-up: a lead is a data subject like a customer, exported,
 * erased with its key and restricted through the same contract.
 */
@QuarkusTest
class LeadSubjectRightsTest extends SubjectRightsContractTest {

    @Override
    protected UUID givenASubjectWithData() {
        String lead = sales().body(Map.of(
                        "type", "PERSON",
                        "givenName", "Lena",
                        "familyName", "Lead",
                        "email", "lena.lead@example.de",
                        "source", "WEBSITE"))
                .when()
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        sales().body(Map.of(
                        "subjectId",
                        lead,
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
                        "note",
                        "Send the brochure"))
                .when()
                .post("/api/v1/follow-ups")
                .then()
                .statusCode(201);
        return UUID.fromString(lead);
    }

    private static io.restassured.specification.RequestSpecification sales() {
        return given().auth().oauth2(TestTokens.forRole("sales")).contentType(ContentType.JSON);
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("SELECT count(*) FROM lead WHERE id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subjectId))
                .isZero();
    }

    @Test
    void theExportHoldsTheLeadAndItsFollowUpDecrypted() {
        UUID lead = givenASubjectWithData();
        JsonPath export = given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get(BASE + "/" + lead)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> categories = export.getList("categories");
        assertThat(categories)
                .filteredOn(c -> c.get("category").equals("sales-leads"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("records")).isEqualTo(1));
        assertThat(export.getString("categories.find { it.category == 'sales-leads' }.data[0].details.givenName"))
                .isEqualTo("Lena");
        assertThat(export.getString("categories.find { it.category == 'follow-ups' }.data[0].note"))
                .isEqualTo("Send the brochure");
    }

    @Test
    void aRestrictedLeadCannotBeReadOrWorkedOn() {
        UUID lead = givenASubjectWithData();
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(BASE + "/" + lead + "/restriction")
                .then()
                .statusCode(200);
        sales().when().get("/api/v1/leads/" + lead).then().statusCode(409);
        sales().when().post("/api/v1/leads/" + lead + "/conversion").then().statusCode(409);
        sales().body(Map.of(
                        "subjectId",
                        lead.toString(),
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).toString()))
                .when()
                .post("/api/v1/follow-ups")
                .then()
                .statusCode(409);
        sales().when()
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(lead.toString())));
        sales().when()
                .get("/api/v1/follow-ups/mine")
                .then()
                .statusCode(200)
                .body("items.subjectId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(lead.toString())));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?", lead))
                .isZero();
    }
}
