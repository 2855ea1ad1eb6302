package org.opencdp.profile.api;

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
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.webhookauth.WebhookHeaders;
import org.opencdp.webhookauth.WebhookSignatures;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** How the call-event tests register integrations, sign as each vendor does, and look at what was stored. */
final class CallFixtures {

    private CallFixtures() {}

    /** Registers an integration; returns its secret (null for sipgate, which is registered with its public key). */
    static String register(String name, String kind, String publicKeyPem) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", kind));
        if (publicKeyPem != null) {
            input.put("publicKeyPem", publicKeyPem);
        }
        return given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(input)
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /** A POST signed with the generic scheme at the given time. */
    static ValidatableResponse postGeneric(String path, String secret, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of()
                .formatHex(WebhookSignatures.generic(
                        secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), bytes));
        return given().contentType(ContentType.JSON)
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, WebhookSignatures.GENERIC_VERSION + signature)
                .body(bytes)
                .when()
                .post(path)
                .then();
    }

    static ValidatableResponse postGeneric(String path, String secret, String body) {
        return postGeneric(path, secret, Instant.now().getEpochSecond(), body);
    }

    static String fixture(String name) {
        try (InputStream in = CallFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RSA-SHA256 over the body with a PKCS#8 private key fixture, base64: how sipgate signs. */
    static String rsaSignature(String privateKeyFixture, String body) {
        String base64 = fixture(privateKeyFixture)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person with this landline number. */
    static UUID customerWith(String number) {
        return CustomerFixtures.created(CallerLookupTest.personWith(number));
    }

    /** Seven random digits: a subscriber number no other test uses. */
    static String subscriber() {
        return Integer.toString(2_000_000 + (int) (Math.random() * 7_999_999));
    }

    static long entriesOf(UUID customer) {
        return TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE subject_id = ?", customer);
    }

    static long entriesBy(String integration) {
        return TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE source = ?", "integration:" + integration);
    }

    /** The customer's timeline as the service role reads it, newest first. */
    static List<Map<String, Object>> timelineOf(UUID customer) {
        return given().auth()
                .oauth2(TestTokens.forRole("service"))
                .when()
                .get("/api/v1/customers/" + customer + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }
}
