package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.retention.api.Requests.BASE;
import static org.opencdp.retention.api.Requests.asDpo;

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

/**
 * Filing an Art. 16 rectification: the corrected fields are checked on filing, and a bad patch stores nothing. The
 * services other than retention-service are down here (closed port), so verifying it cannot tell which of them
 * declare RECTIFICATION: 503, and nothing is stored either.
 */
@QuarkusTest
@WithPostgres
class RectificationRequestTest {

    private static Map<String, Object> rectification(Object patch) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "type",
                "RECTIFICATION",
                "subjectId",
                UUID.randomUUID().toString(),
                "channel",
                "EMAIL",
                "receivedOn",
                Requests.today().toString()));
        body.put("rectification", patch);
        return body;
    }

    @Test
    void aRectificationIsFiledWithTheCorrectedFields() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("familyName", "Schmidt");
        patch.put("title", null);
        JsonPath filed = asDpo().body(rectification(patch))
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(filed.getString("state")).isEqualTo("RECEIVED");
        assertThat(filed.getString("rectification.familyName")).isEqualTo("Schmidt");
        assertThat(filed.getMap("rectification")).containsKey("title");
        assertThat(Requests.get(filed.getString("id")).getString("rectification.familyName"))
                .isEqualTo("Schmidt");
    }

    @Test
    void aBadPatchIsA400ProblemAndNothingIsStored() {
        long before = TestDatabase.count("SELECT count(*) FROM subject_request");
        for (Object patch : java.util.Arrays.asList(
                null,
                Map.of(),
                List.of("familyName", "Schmidt"),
                "Schmidt",
                Map.of("type", "COMPANY"),
                Map.of("familyName", "Schmidt", "iban", "DE89370400440532013000"))) {
            asDpo().body(rectification(patch))
                    .when()
                    .post(BASE)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.startsWith("rectification"));
        }
        Map<String, Object> erasureWithPatch = rectification(Map.of("familyName", "Schmidt"));
        erasureWithPatch.put("type", "ERASURE");
        asDpo().body(erasureWithPatch)
                .when()
                .post(BASE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rectification"));
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_request")).isEqualTo(before);
    }

    @Test
    void whileTheServicesCannotSayWhoTakesPartTheVerificationIsRefusedAndStoresNothing() {
        String id = asDpo().body(rectification(Map.of("familyName", "Schmidt")))
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asDpo().body(Map.of("verifiedBy", "dpo Jana Weber", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                .when()
                .post(BASE + "/" + id + "/verification")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        JsonPath request = Requests.get(id);
        assertThat(request.getString("state")).isEqualTo("RECEIVED");
        assertThat(request.getString("verification")).isNull();
        assertThat(request.getList("tasks")).isEmpty();
    }

    @Test
    void onlyTheDpoFilesARectification() {
        Map<String, Object> body = rectification(Map.of("familyName", "Schmidt"));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(BASE)
                .then()
                .statusCode(401);
        for (String token : List.of(TestTokens.forRole("sales"), TestTokens.serviceAccount("profile-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(BASE)
                    .then()
                    .statusCode(403);
        }
    }
}
