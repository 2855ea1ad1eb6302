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

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints real signed access tokens shaped like Keycloak's: roles in {@code realm_access.roles}, the login in
 * {@code preferred_username}, the client in {@code azp}. The services verify them with the public key from
 * test-support's configuration, so tests exercise the production role rules.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tokens.opencdp.test";
    private static final PrivateKey SIGNING_KEY = loadSigningKey();

    private TestTokens() {
    }

    /** A token for a demo user named after the role, e.g. {@code forRole("sales")}. */
    public static String forRole(String role) {
        return user(role + ".user", role);
    }

    /** A token for the named user holding the given realm roles. */
    public static String user(String username, String... roles) {
        return sign(username, "cdp-frontend", List.of(roles), Duration.ofMinutes(10));
    }

    /**
     * A client-credentials token of a service, e.g. {@code serviceAccount("retention-service")}, carrying the
     * service's own realm role {@code svc-retention} as Keycloak's realm file grants it.
     */
    public static String serviceAccount(String clientId) {
        String role = "svc-" + clientId.replace("-service", "");
        return sign("service-account-" + clientId, clientId, List.of(role), Duration.ofMinutes(10));
    }

    /** A correctly signed token that expired a minute ago. */
    public static String expired(String role) {
        return sign(role + ".user", "cdp-frontend", List.of(role), Duration.ofMinutes(-1));
    }

    /** A bearer header value for RestAssured: {@code .auth().oauth2(TestTokens.forRole("dpo"))} works too. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(String username, String clientId, List<String> roles, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.claims()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
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
