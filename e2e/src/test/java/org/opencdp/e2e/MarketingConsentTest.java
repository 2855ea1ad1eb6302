package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Marketing gating across profile-service and consent-service with real logins and service tokens: marketing sees a
 * customer only while a direct-marketing consent is in force (profile-service asks consent-service's batch decision
 * API), never the payment method; a search leaves the others out; a revocation is effective at the next read.
 * (The consent is phone marketing, taken by sales on the phone: a newsletter consent counts only once its double
 * opt-in is confirmed, which needs the mail of the public side.)
 */
@WithLocalSuite
class MarketingConsentTest {

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void marketingSeesACustomerOnlyWhileAMarketingConsentIsInForce() {
        String family =
                "Consentia" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String consenting = createPerson(family);
        String other = createPerson(family);

        marketingReads(consenting).statusCode(403).contentType("application/problem+json");
        ConsentRecords.grant(
                () -> as(DemoUser.SALES, Service.CONSENT), "subjectId", consenting, "phone-marketing", "de", "PHONE");

        marketingReads(consenting)
                .statusCode(200)
                .body("familyName", equalTo(family))
                .body("preferredPaymentMethod", nullValue());
        marketingReads(other).statusCode(403);
        marketingSearches(family)
                .body("items.id", contains(consenting))
                .body("marketingConsentUnavailable", nullValue());

        as(DemoUser.SALES, Service.CONSENT)
                .body(Map.of("subjectId", consenting, "purposes", List.of("phone-marketing"), "channel", "PHONE"))
                .when()
                .post("/api/v1/revocations")
                .then()
                .statusCode(200)
                .body("purposes[0].changed", equalTo(true));

        marketingReads(consenting).statusCode(403);
        marketingSearches(family).body("items", hasSize(0));
    }

    private static RequestSpecification as(DemoUser user, Service service) {
        return given().baseUri(suite.url(service))
                .auth()
                .oauth2(suite.keycloak().login(user))
                .contentType(ContentType.JSON);
    }

    private static String createPerson(String familyName) {
        return as(DemoUser.SALES, Service.PROFILE)
                .body(Map.of(
                        "type",
                        "PERSON",
                        "givenName",
                        "Erika",
                        "familyName",
                        familyName,
                        "language",
                        "de",
                        "emails",
                        List.of(Map.of("address", "e." + UUID.randomUUID() + "@example.de")),
                        "preferredPaymentMethod",
                        Map.of("type", "CREDIT_CARD", "maskedReference", "**** **** **** 4242")))
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse marketingReads(String id) {
        return as(DemoUser.MARKETING, Service.PROFILE)
                .when()
                .get("/api/v1/customers/" + id)
                .then();
    }

    private static io.restassured.response.ValidatableResponse marketingSearches(String name) {
        return as(DemoUser.MARKETING, Service.PROFILE)
                .queryParam("name", name)
                .when()
                .get("/api/v1/customers")
                .then()
                .statusCode(200);
    }
}
