package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where the demo page is off, as in production (the default), it is a 404 problem. */
@QuarkusTest
@WithPostgres
@TestProfile(BannerDemoPageOffTest.DemoPageOff.class)
class BannerDemoPageOffTest {

    public static class DemoPageOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.consent.banner.demo-page", "false");
        }
    }

    @Test
    void withoutTheSettingThereIsNoDemoPage() {
        given().when().get("/consent/banner-demo.html").then().statusCode(404).contentType("application/problem+json");
    }
}
