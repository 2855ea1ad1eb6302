package org.opencdp.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

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
                () -> suite.as(DemoUser.SALES, Service.CONSENT),
                "subjectId",
                consenting,
                "phone-marketing",
                "de",
                "PHONE");

        marketingReads(consenting)
                .statusCode(200)
                .body("familyName", equalTo(family))
                .body("preferredPaymentMethod", nullValue());
        marketingReads(other).statusCode(403);
        marketingSearches(family)
                .body("items.id", contains(consenting))
                .body("marketingConsentUnavailable", nullValue());

        ConsentRecords.revoke(
                        suite.as(DemoUser.SALES, Service.CONSENT), "subjectId", consenting, "phone-marketing", "PHONE")
                .body("purposes[0].changed", equalTo(true));

        marketingReads(consenting).statusCode(403);
        marketingSearches(family).body("items", hasSize(0));
    }

    /** A person who pays by card: marketing must never see the payment method. */
    private static String createPerson(String familyName) {
        return DemoPeople.create(
                suite,
                Map.of(
                        "familyName",
                        familyName,
                        "preferredPaymentMethod",
                        Map.of("type", "CREDIT_CARD", "maskedReference", "**** **** **** 4242")));
    }

    private static io.restassured.response.ValidatableResponse marketingReads(String id) {
        return suite.as(DemoUser.MARKETING, Service.PROFILE)
                .when()
                .get("/api/v1/customers/" + id)
                .then();
    }

    private static io.restassured.response.ValidatableResponse marketingSearches(String name) {
        return suite.as(DemoUser.MARKETING, Service.PROFILE)
                .queryParam("name", name)
                .when()
                .get("/api/v1/customers")
                .then()
                .statusCode(200);
    }
}
