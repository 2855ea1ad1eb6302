package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.tracking.api.Batches.newId;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithPostgres
class VisitorResourceTest {

    private static ValidatableResponse link(String token, String visitorId, Object subjectId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", String.valueOf(subjectId)))
                .when()
                .post("/api/v1/visitors/" + visitorId + "/subject")
                .then();
    }

    @Test
    void profileConsentAndShopsLinkAVisitorToASubjectOnce() {
        String visitor = newId();
        UUID subject = UUID.randomUUID();
        for (String token : List.of(
                TestTokens.serviceAccount("profile-service"),
                TestTokens.serviceAccount("consent-service"),
                TestTokens.shop("shop-backend"))) {
            link(token, visitor, subject).statusCode(204);
        }
        assertThat(TestDatabase.rows("SELECT subject_id FROM visitor_subject WHERE visitor_id = ?", visitor))
                .containsExactly(Map.of("subject_id", subject));

        link(TestTokens.shop("shop-backend"), visitor, UUID.randomUUID())
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badVisitorOrSubjectIdsAre400ProblemsAndNothingIsStored() {
        String token = TestTokens.shop("shop-backend");
        link(token, "NOT-A-VISITOR", UUID.randomUUID())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("visitorId"));
        String visitor = newId();
        link(token, visitor, "not-a-uuid").statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM visitor_subject WHERE visitor_id = ?", visitor))
                .isZero();
    }

    @Test
    void onlyProfileConsentAndShopsLinkVisitors() {
        String visitor = newId();
        given().contentType(ContentType.JSON)
                .body(Map.of("subjectId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/visitors/" + visitor + "/subject")
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("retention-service"))) {
            link(token, visitor, UUID.randomUUID()).statusCode(403).contentType("application/problem+json");
        }
    }
}
