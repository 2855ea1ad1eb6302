package org.opencdp.webhookauth;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Fixtures (payloads shaped as the vendors document them, the test key pair) and how tests sign with them. */
final class WebhookFixtures {

    private WebhookFixtures() {}

    static byte[] bytes(String fixture) {
        try (InputStream in = WebhookFixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String fixture) {
        return new String(bytes(fixture), StandardCharsets.UTF_8);
    }

    static RequestSpecification asAdmin() {
        return as("admin");
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    /** Registers an integration and returns its secret (null for sipgate). */
    static String register(String name, IntegrationKind kind, String publicKeyPem) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", kind.name()));
        if (publicKeyPem != null) {
            input.put("publicKeyPem", publicKeyPem);
        }
        return asAdmin()
                .body(input)
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    static String hmacHex(String secret, long timestamp, byte[] body) {
        return HexFormat.of()
                .formatHex(WebhookSignatures.generic(
                        secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), body));
    }

    static String hubSignature(String token, byte[] body) {
        return "sha1="
                + HexFormat.of().formatHex(WebhookSignatures.zammad(token.getBytes(StandardCharsets.UTF_8), body));
    }

    /** RSA-SHA256 of the body with a PKCS#8 private key fixture, base64: how sipgate signs. */
    static String rsaSignature(String privateKeyFixture, byte[] body) {
        String base64 = text(privateKeyFixture)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
