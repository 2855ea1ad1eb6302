package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The record generated from the running system: here retention-service is the one participant that answers (it
 * calls itself over HTTP), the other four and consent-service's catalog are down, and the record says so.
 */
@QuarkusTest
@WithPostgres
class RecordsOfProcessingResourceTest {

    static final String JSON = "/api/v1/records-of-processing";
    static final String HTML = "/api/v1/records-of-processing.html";

    @Test
    void theRecordNamesEachPurposeWithItsDataPoliciesMeasuresAndWhatIsMissing() {
        JsonPath record = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .get(JSON)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("controller.name", equalTo("Beispiel Handels GmbH (demo: set opencdp.records.controller.*)"))
                .body("dataProtectionOfficer.contact", equalTo("datenschutz@example.com"))
                .body("retentionPolicies", hasSize(RetentionCategories.ALL.size()))
                .body("internalFlows.service", hasItem("retention-service"))
                .extract()
                .jsonPath();
        String requests = "activities.find { it.purpose == 'data-subject-requests' }.";
        assertThat(record.getString(requests + "legalBasisSource")).isEqualTo("declared by the services");
        assertThat(record.getList(requests + "subjectCategories", String.class))
                .containsExactly("CUSTOMERS", "CONTACT_PERSONS", "LEADS", "WEBSITE_VISITORS");
        assertThat(record.getString(requests + "personalData[0].service")).isEqualTo("retention-service");
        assertThat(record.getString(requests + "personalData[0].category")).isEqualTo("request-exports");
        assertThat(record.getList(requests + "internalServices", String.class)).containsExactly("retention-service");
        assertThat(record.getList("gaps", String.class))
                .anySatisfy(g -> assertThat(g).startsWith("The service profile did not declare"))
                .anySatisfy(g -> assertThat(g).startsWith("The purpose catalog (consent-service) did not answer"));
        assertThat(record.getList("technicalAndOrganisationalMeasures", String.class))
                .anySatisfy(m -> assertThat(m).contains("crypto-shredding"));
    }

    @Test
    void thePageEscapesEverythingItShows() {
        int version = RetentionPolicyResourceTest.currentVersion("books-and-annual-statements");
        Map<String, Object> body = new HashMap<>(RetentionPolicyResourceTest.input("P10Y"));
        body.put("legalReference", "<script>alert('x')</script> HGB & AO");
        RetentionPolicyResourceTest.as("dpo")
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .when()
                .put("/api/v1/retention-policies/books-and-annual-statements")
                .then()
                .statusCode(200);

        String page = given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get(HTML)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page)
                .contains("<h1>Record of processing activities (GDPR Art. 30)</h1>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; HGB &amp; AO")
                .doesNotContain("<script>")
                .contains("Purpose: data-subject-requests");
    }

    @Test
    void onlyTheDpoAndAdminsReadIt() {
        given().when().get(JSON).then().statusCode(401);
        given().when().get(HTML).then().statusCode(401);
        for (String role : new String[] {"sales", "service", "marketing", "analyst"}) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(JSON)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(HTML)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.serviceAccount("profile-service"))
                .when()
                .get(JSON)
                .then()
                .statusCode(403);
    }
}
