package org.opencdp.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints real signed access tokens shaped like Keycloak's: roles in {@code realm_access.roles}, the login in
 * {@code preferred_username}, the client in {@code azp}, the service the token is meant for in {@code aud}. The
 * services verify them with the public key from test-support's configuration, so tests exercise the production role
 * and audience rules. A token is meant for the service under test (its {@code quarkus.application.name}) unless an
 * audience is named.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tokens.opencdp.test";
    private static final PrivateKey SIGNING_KEY = loadSigningKey();

    private TestTokens() {}

    /** A token for a demo user named after the role, e.g. {@code forRole("sales")}. */
    public static String forRole(String role) {
        return user(role + ".user", role);
    }

    /** A token for the demo user of the role meant for another service: {@code forRole("sales", "consent-service")}. */
    public static String forRole(String role, String audience) {
        return sign(role + ".user", "cdp-frontend", List.of(role), audience, Duration.ofMinutes(10));
    }

    /** A token for the named user holding the given realm roles. */
    public static String user(String username, String... roles) {
        return sign(username, "cdp-frontend", List.of(roles), serviceUnderTest(), Duration.ofMinutes(10));
    }

    /**
     * A client-credentials token of a service, e.g. {@code serviceAccount("retention-service")}, carrying the
     * service's own realm role {@code svc-retention} as Keycloak's realm file grants it.
     */
    public static String serviceAccount(String clientId) {
        return serviceAccount(clientId, serviceUnderTest());
    }

    /**
     * A client-credentials token a service got for calling another service, e.g.
     * {@code serviceAccount("profile-service", "behaviour-service")}.
     */
    public static String serviceAccount(String clientId, String audience) {
        String role = "svc-" + clientId.replace("-service", "");
        return sign("service-account-" + clientId, clientId, List.of(role), audience, Duration.ofMinutes(10));
    }

    /** A client-credentials token of a shop system (role {@code svc-shop}), e.g. {@code shop("shop-backend")}. */
    public static String shop(String clientId) {
        return sign(
                "service-account-" + clientId,
                clientId,
                List.of("svc-shop"),
                serviceUnderTest(),
                Duration.ofMinutes(10));
    }

    /**
     * A token for the named user that expires after {@code lifetime} (whole seconds, counted from the current second),
     * for tests of what happens when a token runs out while in use.
     */
    public static String expiringAfter(Duration lifetime, String username, String... roles) {
        return sign(username, "cdp-frontend", List.of(roles), serviceUnderTest(), lifetime);
    }

    /** A correctly signed token that expired a minute ago. */
    public static String expired(String role) {
        return sign(role + ".user", "cdp-frontend", List.of(role), serviceUnderTest(), Duration.ofMinutes(-1));
    }

    /** A bearer header value for RestAssured: {@code .auth().oauth2(TestTokens.forRole("dpo"))} works too. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The service the test runs: every service accepts only tokens whose audience is its application name. */
    private static String serviceUnderTest() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .orElseThrow(() -> new IllegalStateException("no quarkus.application.name: name the token's audience"));
    }

    private static String sign(
            String username, String clientId, List<String> roles, String audience, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(audience)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .claim("preferred_username", username)
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now - 5)
                .expiresAt(now + lifetime.toSeconds())
                .jws()
                .keyId("opencdp-test")
                .sign(SIGNING_KEY);
    }

    private static PrivateKey loadSigningKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-token-signing-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("test-token-signing-key.pem is missing from test-support");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }
}
