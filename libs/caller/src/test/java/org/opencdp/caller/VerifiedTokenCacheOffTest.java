package org.opencdp.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.caller.VerifiedTokenCacheTest.Lookups;
import org.opencdp.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Switched off, the cache looks nothing up: every request is verified by quarkus-oidc, with the same answers. */
@QuarkusTest
@TestProfile(VerifiedTokenCacheOffTest.Off.class)
class VerifiedTokenCacheOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.token-cache.enabled", "false");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void everyRequestIsVerifiedByQuarkusOidc() {
        String login = VerifiedTokenCacheTest.login();
        String token = TestTokens.user(login, "sales");
        Lookups before = Lookups.of(registry);

        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo(login));
        }
        given().auth().oauth2(token).get("/test/dpo-only").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.expired("sales"))
                .get("/api/v1/me")
                .then()
                .statusCode(401);

        assertThat(Lookups.of(registry).minus(before)).isEqualTo(new Lookups(0, 0));
    }
}
