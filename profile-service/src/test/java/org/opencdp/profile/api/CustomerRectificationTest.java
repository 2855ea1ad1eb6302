package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * An Art. 16 rectification through the subject-rights contract: only retention-service's account, the change
 * validated like a PATCH, once per request id, and audited as done for the request.
 */
@QuarkusTest
@WithPostgres
class CustomerRectificationTest {

    private static final String RIGHTS = "/api/v1/subject-rights";

    private static RequestSpecification asRetentionService() {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> rectification(UUID requestId, Map<String, Object> patch) {
        return Map.of("requestId", requestId.toString(), "patch", patch);
    }

    private static JsonPath customer(UUID id) {
        return as("sales")
                .when()
                .get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theCapabilitiesDeclareRectification() {
        asRetentionService().when().get(RIGHTS).then().statusCode(200).body("rights", hasItem("RECTIFICATION"));
    }

    @Test
    void aRectificationCorrectsTheFieldsOnceAndIsAuditedForItsRequest() {
        UUID id = created(person());
        int version = customer(id).getInt("version");
        UUID requestId = UUID.randomUUID();

        Map<String, Object> patch = new HashMap<>();
        patch.put("familyName", "Schmidt");
        patch.put("title", null); // null removes a field, as in a PATCH
        JsonPath receipt = asRetentionService()
                .body(rectification(requestId, patch))
                .when()
                .post(RIGHTS + "/" + id + "/rectification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(receipt.getString("action")).isEqualTo("RECTIFICATION");
        assertThat(receipt.getString("requestId")).isEqualTo(requestId.toString());
        assertThat(receipt.getInt("categories[0].rectified")).isEqualTo(1);
        JsonPath corrected = customer(id);
        assertThat(corrected.getString("familyName")).isEqualTo("Schmidt");
        assertThat(corrected.getString("title")).isNull();
        assertThat(corrected.getInt("version")).isEqualTo(version + 1);

        // The same request again, even with another patch: the first receipt, and nothing changes.
        asRetentionService()
                .body(rectification(requestId, Map.of("familyName", "Meier")))
                .when()
                .post(RIGHTS + "/" + id + "/rectification")
                .then()
                .statusCode(200)
                .body("completedAt", equalTo(receipt.getString("completedAt")))
                .body("categories[0].rectified", equalTo(1));
        assertThat(customer(id).getString("familyName")).isEqualTo("Schmidt");
        assertThat(customer(id).getInt("version")).isEqualTo(version + 1);

        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'customer.rectify' "
                                + "AND purpose = ? AND actor_kind = 'SERVICE'",
                        id,
                        "GDPR Art. 16 rectification request " + requestId))
                .isOne();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'subject.rectify'", id))
                .isOne();
    }

    @Test
    void aBadPatchIsA400ProblemAndChangesNothing() {
        UUID id = created(person());
        JsonPath before = customer(id);
        long receiptsBefore = TestDatabase.count("SELECT count(*) FROM subject_rights_receipt");
        for (Map<String, Object> patch : List.of(
                Map.<String, Object>of("familyName", ""),
                Map.<String, Object>of("companyName", "Not a person's field"),
                Map.<String, Object>of("birthDate", "yesterday"))) {
            asRetentionService()
                    .body(rectification(UUID.randomUUID(), patch))
                    .when()
                    .post(RIGHTS + "/" + id + "/rectification")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        asRetentionService()
                .body(Map.of("patch", Map.of("familyName", "Schmidt")))
                .when()
                .post(RIGHTS + "/" + id + "/rectification")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        asRetentionService()
                .body(rectification(UUID.randomUUID(), Map.of("type", "COMPANY")))
                .when()
                .post(RIGHTS + "/" + id + "/rectification")
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(422)));
        JsonPath after = customer(id);
        assertThat(after.getInt("version")).isEqualTo(before.getInt("version"));
        assertThat(after.getString("familyName")).isEqualTo(before.getString("familyName"));
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_rights_receipt"))
                .isEqualTo(receiptsBefore);
    }

    @Test
    void anUnknownSubjectIsA404() {
        asRetentionService()
                .body(rectification(UUID.randomUUID(), Map.of("familyName", "Schmidt")))
                .when()
                .post(RIGHTS + "/" + UUID.randomUUID() + "/rectification")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyRetentionServiceRectifiesAndATokenIsRequired() {
        UUID id = created(person());
        Map<String, Object> body = rectification(UUID.randomUUID(), Map.of("familyName", "Schmidt"));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(RIGHTS + "/" + id + "/rectification")
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("dpo"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("behaviour-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(RIGHTS + "/" + id + "/rectification")
                    .then()
                    .statusCode(403);
        }
        assertThat(customer(id).getString("familyName")).isEqualTo("Müller-Lüdenscheidt");
    }
}
