package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Files and verifies requests through the API, as the dpo. */
final class Requests {

    static final String BASE = "/api/v1/requests";

    private Requests() {}

    static RequestSpecification asDpo() {
        return given().auth().oauth2(TestTokens.forRole("dpo")).contentType(ContentType.JSON);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static String file(String type, UUID subject, LocalDate receivedOn) {
        return asDpo().body(Map.of(
                        "type",
                        type,
                        "subjectId",
                        subject.toString(),
                        "channel",
                        "MAIL",
                        "receivedOn",
                        receivedOn.toString()))
                .when()
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static JsonPath verify(String id) {
        return asDpo().body(Map.of(
                        "verifiedBy", "dpo Jana Weber", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                .when()
                .post(BASE + "/" + id + "/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath get(String id) {
        return asDpo().when()
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
