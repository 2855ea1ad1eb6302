package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithPostgres
class SiteResourceTest {

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    @Test
    void anAdminRegistersASiteWhosePagesThenSendEvents() {
        String key = as("admin")
                .body(Map.of("name", "Outdoor shop", "allowedOrigins", List.of("https://shop.example")))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .body("siteKey", matchesPattern("^site_[a-z0-9]{20}$"))
                .body("allowedOrigins", equalTo(List.of("https://shop.example")))
                .extract()
                .path("siteKey");

        as("admin").when().get("/api/v1/sites/" + key).then().statusCode(200).body("name", equalTo("Outdoor shop"));
        as("admin").when().get("/api/v1/sites").then().statusCode(200).body("siteKey", hasItem(key));

        given().header("Origin", "https://shop.example")
                .contentType("text/plain;charset=UTF-8")
                .body("{\"events\":[]}")
                .when()
                .post("/api/v1/collect/" + key)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example");

        as("admin")
                .body(Map.of("name", "Outdoor shop", "allowedOrigins", List.of("https://www.shop.example:8443")))
                .when()
                .put("/api/v1/sites/" + key)
                .then()
                .statusCode(200)
                .body("allowedOrigins", equalTo(List.of("https://www.shop.example:8443")));
        given().header("Origin", "https://shop.example")
                .contentType("text/plain;charset=UTF-8")
                .body("{\"events\":[]}")
                .when()
                .post("/api/v1/collect/" + key)
                .then()
                .statusCode(403);

        as("admin").when().delete("/api/v1/sites/" + key).then().statusCode(204);
        as("admin").when().get("/api/v1/sites/" + key).then().statusCode(404);
        given().contentType("text/plain;charset=UTF-8")
                .body("{\"events\":[]}")
                .when()
                .post("/api/v1/collect/" + key)
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.example", "https://shop.example/", "https://shop.example/path", "*"})
    void anOriginThatIsNotSchemeHostAndPortIsRefusedAndNothingStored(String origin) {
        long before = TestDatabase.count("SELECT count(*) FROM site");
        as("admin")
                .body(Map.of("name", "Bad", "allowedOrigins", List.of(origin)))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("allowedOrigins[0]"));
        assertThat(TestDatabase.count("SELECT count(*) FROM site")).isEqualTo(before);
    }

    @Test
    void aSiteNeedsANameAndAnOrigin() {
        as("admin")
                .body(Map.of("name", "", "allowedOrigins", List.of()))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageSites() {
        given().when().get("/api/v1/sites").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "allowedOrigins", List.of("https://x.example")))
                .when()
                .post("/api/v1/sites")
                .then()
                .statusCode(401);
        for (String role : List.of("sales", "marketing", "analyst", "dpo")) {
            as(role).when().get("/api/v1/sites").then().statusCode(403).contentType("application/problem+json");
            as(role).body(Map.of("name", "x", "allowedOrigins", List.of("https://x.example")))
                    .when()
                    .post("/api/v1/sites")
                    .then()
                    .statusCode(403);
            as(role).when().get("/api/v1/sites/site_demo").then().statusCode(403);
            as(role).when().delete("/api/v1/sites/site_demo").then().statusCode(403);
            as(role).body(Map.of("name", "x", "allowedOrigins", List.of("https://x.example")))
                    .when()
                    .put("/api/v1/sites/site_demo")
                    .then()
                    .statusCode(403);
        }
    }
}
