package org.opencdp.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * The token check as service-defaults configures it for production (issue 15): no OIDC discovery, the realm's key set
 * named and fetched at start, the issuer configured. Against a realm key set of the test's own ({@link RealmKeySet}),
 * instead of the fixed public key of the other tests. The methods run in order: they share the service's key set and
 * the time of its last refresh.
 */
@QuarkusTest
@TestProfile(TokenCheckWithoutDiscoveryTest.RealmWithKeySet.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenCheckWithoutDiscoveryTest {

    /** The iss of the realm's tokens: its frontend URL, not the address the service fetches the keys from. */
    private static final String ISSUER = "https://login.opencdp.test/realms/cdp";

    private static final KeyPair NEXT_KEY = RealmKeySet.newKey();

    public static class RealmWithKeySet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // test-support's fixed public key and test issuer give way to the production settings.
            return Map.of("%test.quarkus.oidc.public-key", "", "%test.quarkus.oidc.token.issuer", ISSUER);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealmKeySet.class));
        }
    }

    @Test
    @Order(1)
    void theServiceStartsWithTheKeySetAloneAndNoDiscovery() {
        assertThat(RealmKeySet.requests()).containsExactly(RealmKeySet.KEYS_PATH);

        accepted(token(ISSUER, "first", RealmKeySet.FIRST_KEY));
        accepted(token(ISSUER, "first", RealmKeySet.FIRST_KEY));

        assertThat(RealmKeySet.requests()).containsExactly(RealmKeySet.KEYS_PATH);
    }

    @Test
    @Order(2)
    void aTokenOfAnotherIssuerIsRefused() {
        refused(token("https://login.elsewhere.test/realms/cdp", "first", RealmKeySet.FIRST_KEY));
        // The address the service reaches the realm at is not the realm's issuer either.
        refused(token("http://127.0.0.1/realms/cdp", "first", RealmKeySet.FIRST_KEY));
        refused(token(null, "first", RealmKeySet.FIRST_KEY));
    }

    @Test
    @Order(3)
    void aTokenSignedWithAnotherKeyUnderAKnownKeyIdIsRefused() {
        refused(token(ISSUER, "first", RealmKeySet.newKey()));
    }

    @Test
    @Order(4)
    void afterAKeyRotationTheKeySetIsFetchedAgainWithTheFirstTokenOfTheNewKey() {
        RealmKeySet.publish(Map.of("first", RealmKeySet.FIRST_KEY, "next", NEXT_KEY));
        int before = RealmKeySet.requests().size();

        accepted(token(ISSUER, "next", NEXT_KEY));
        accepted(token(ISSUER, "first", RealmKeySet.FIRST_KEY));

        assertThat(RealmKeySet.requests().subList(before, RealmKeySet.requests().size()))
                .containsExactly(RealmKeySet.KEYS_PATH);
    }

    @Test
    @Order(5)
    void tokensNamingUnknownKeysDoNotMakeTheServiceAskTheRealmForEach() {
        int before = RealmKeySet.requests().size();

        for (int i = 0; i < 5; i++) {
            refused(token(ISSUER, UUID.randomUUID().toString(), RealmKeySet.newKey()));
        }

        // quarkus-oidc fetches the key set again at most once per forced-jwk-refresh-interval (10 minutes), and the
        // last fetch was the rotation's a moment ago.
        assertThat(RealmKeySet.requests()).hasSize(before);
    }

    private static void accepted(String token) {
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("name", equalTo("key.user"));
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    /** A token like the realm's for a sales user, unique per call (the verified-token cache never answers for it). */
    private static String token(String issuer, String keyId, KeyPair key) {
        var claims = Jwt.claims()
                .audience("caller-test")
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", "key.user")
                .claim("azp", "cdp-frontend")
                .claim("realm_access", Map.of("roles", List.of("sales")))
                .issuedAt(System.currentTimeMillis() / 1000 - 5)
                .expiresIn(600);
        if (issuer != null) {
            claims.issuer(issuer);
        }
        return claims.jws().keyId(keyId).sign(key.getPrivate());
    }
}
