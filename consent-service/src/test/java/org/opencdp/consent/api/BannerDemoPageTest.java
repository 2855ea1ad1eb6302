package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** The banner demo page, served where the setting is on (tests, dev, the local run), with no login. */
@QuarkusTest
@WithPostgres
class BannerDemoPageTest {

    @ConfigProperty(name = "opencdp.services.tracking.url")
    String trackingUrl;

    @Test
    void thePageUsesThePublicApiAndLoadsTheTrackerFromTrackingService() {
        given().when()
                .get("/consent/banner-demo.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/api/v1/public/sites/site_demo"))
                .body(containsString("src=\"" + trackingUrl + "/tracker/v1/cdp.js\" data-site-key=\"site_demo\""))
                .body(not(containsString("${trackingUrl}")));
    }
}
