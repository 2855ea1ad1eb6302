package org.opencdp.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The cache of verified tokens with real signed tokens: a token seen again is not verified again, and yet every
 * refusal quarkus-oidc would give still comes (role, expiry, signature, audience). Each test mints tokens for a login
 * of its own, so no test hits another's entries.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aTokenSeenAgainGetsTheSameIdentityWithoutBeingVerifiedAgain() {
        String login = login();
        String token = TestTokens.user(login, "sales", "service");
        Lookups before = lookups();

        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("name", equalTo(login))
                    .body("kind", equalTo("USER"))
                    .body("roles", contains("sales", "service"));
        }

        assertThat(lookups().minus(before)).isEqualTo(new Lookups(2, 1));
    }

    @Test
    void aRememberedIdentityIsBoundToTheCurrentRequest() {
        String token = TestTokens.user(login(), "sales");
        Lookups before = lookups();

        for (String probe : new String[] {"first", "second", "third"}) {
            given().auth()
                    .oauth2(token)
                    .header(RequestOfIdentityResource.PROBE, probe)
                    .get("/test/request-of-identity")
                    .then()
                    .statusCode(200)
                    .body(equalTo(probe));
        }

        assertThat(lookups().minus(before)).isEqualTo(new Lookups(2, 1));
    }

    @Test
    void aRememberedTokenStillGets403ForARoleItLacks() {
        String token = TestTokens.user(login(), "sales");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Lookups before = lookups();

        given().auth()
                .oauth2(token)
                .get("/test/dpo-only")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        assertThat(lookups().minus(before)).isEqualTo(new Lookups(1, 0));
        given().auth()
                .oauth2(TestTokens.user(login(), "dpo"))
                .get("/test/dpo-only")
                .then()
                .statusCode(200);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        // The application's first request is slow (class loading, a cold JIT): when this test runs first, that
        // request must not eat the short-lived token's two seconds (its exp is whole seconds, so it may have one).
        given().auth()
                .oauth2(TestTokens.user(login(), "sales"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        String token = TestTokens.expiringAfter(Duration.ofSeconds(2), login(), "sales");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Lookups before = lookups();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertThat(lookups().minus(before)).as("remembered").isEqualTo(new Lookups(1, 0));

        // The entry's time to live (60 s) has far to go; the token's exp ends it.
        long millisToExpiry = expiresAt(token) * 1000 - System.currentTimeMillis();
        Thread.sleep(Math.max(0, millisToExpiry) + 100);
        Lookups expired = lookups();

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        assertThat(lookups().minus(expired)).as("verified again").isEqualTo(new Lookups(0, 1));
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndNeverRemembered() {
        String token = TestTokens.user(login(), "sales");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        Lookups before = lookups();

        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(forged)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }

        assertThat(lookups().minus(before)).isEqualTo(new Lookups(0, 2));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedEveryTimeAndNeverRemembered() {
        String foreign = TestTokens.forRole("sales", "profile-service");
        Lookups before = lookups();

        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(foreign)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }

        assertThat(lookups().minus(before)).isEqualTo(new Lookups(0, 2));
    }

    static String login() {
        return "cache-" + UUID.randomUUID();
    }

    Lookups lookups() {
        return Lookups.of(registry);
    }

    /** The token's exp claim, read from its payload. */
    static long expiresAt(String token) {
        String payload = token.split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .getLong("exp");
    }

    /** The cache's hit and miss counters. */
    record Lookups(double hits, double misses) {

        static Lookups of(MeterRegistry registry) {
            return new Lookups(count(registry, "hit"), count(registry, "miss"));
        }

        private static double count(MeterRegistry registry, String outcome) {
            var counter = registry.find(VerifiedTokenCache.LOOKUPS_METRIC)
                    .tag("outcome", outcome)
                    .counter();
            return counter == null ? 0 : counter.count();
        }

        Lookups minus(Lookups earlier) {
            return new Lookups(hits - earlier.hits, misses - earlier.misses);
        }
    }
}
