package org.opencdp.webhookauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.webhookauth.WebhookFixtures.as;
import static org.opencdp.webhookauth.WebhookFixtures.asAdmin;
import static org.opencdp.webhookauth.WebhookFixtures.register;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The admin side: registering, reading, rotating and revoking integrations, and how their secrets are kept. */
@QuarkusTest
@WithPostgres
class IntegrationsTest {

    private static UUID idOf(String name) {
        return (UUID) TestDatabase.rows("SELECT id FROM integration WHERE name = ?", name)
                .getFirst()
                .get("id");
    }

    @Test
    void aRegistrationShowsTheGeneratedSecretOnceAndKeepsItEncrypted() {
        String secret = asAdmin()
                .body(Map.of("name", "zammad-support", "kind", "ZAMMAD"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/integrations/zammad-support"))
                .body("kind", equalTo("ZAMMAD"))
                .body("secret", matchesPattern("^ocdp_[A-Za-z0-9_-]{43}$"))
                .extract()
                .path("secret");
        asAdmin()
                .when()
                .get("/api/v1/integrations/zammad-support")
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("revokedAt", nullValue());
        asAdmin().when().get("/api/v1/integrations").then().statusCode(200).body("name", hasItem("zammad-support"));

        UUID id = idOf("zammad-support");
        byte[] stored = (byte[])
                TestDatabase.rows("SELECT encrypted_secret FROM integration_secret WHERE integration_id = ?", id)
                        .getFirst()
                        .get("encrypted_secret");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(5, 20));
        assertThat(TestDatabase.KEYS.number("SELECT count(*) FROM subject_key WHERE subject_id = ?", id))
                .as("the integration's own data key encrypts it")
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'integration.register'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aThreeCxApiKeyIsKeptAsItsHashOnly() {
        String key = register("pbx-hash-only", IntegrationKind.THREECX, null);
        Map<String, Object> row = TestDatabase.rows(
                        "SELECT encrypted_secret, secret_hash FROM integration_secret WHERE integration_id = ?",
                        idOf("pbx-hash-only"))
                .getFirst();
        assertThat(row.get("encrypted_secret")).isNull();
        assertThat((byte[]) row.get("secret_hash"))
                .isEqualTo(WebhookSignatures.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSipgateIntegrationKeepsTheGivenPublicKeyAndHasNoGeneratedSecret() {
        asAdmin()
                .body(Map.of(
                        "name",
                        "sipgate-main",
                        "kind",
                        "SIPGATE",
                        "publicKeyPem",
                        WebhookFixtures.text("sipgate-test-public.pem")))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .body("secret", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zammad", "1pbx", "a", "with space", "x_y", "3cx"})
    void aNameOutOfTheFormatIsRefusedAndNothingStored(String name) {
        long before = TestDatabase.count("SELECT count(*) FROM integration");
        asAdmin()
                .body(Map.of("name", name, "kind", "GENERIC_HMAC"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        assertThat(TestDatabase.count("SELECT count(*) FROM integration")).isEqualTo(before);
    }

    @Test
    void aPublicKeyIsRequiredForSipgateAndRefusedForTheOthersWithNothingStored() {
        long before = TestDatabase.count("SELECT count(*) FROM integration");
        asAdmin()
                .body(Map.of("name", "sipgate-nokey", "kind", "SIPGATE"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publicKeyPem"));
        asAdmin()
                .body(Map.of("name", "sipgate-badkey", "kind", "SIPGATE", "publicKeyPem", "-----BEGIN PUBLIC KEY-----"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(400);
        asAdmin()
                .body(Map.of(
                        "name",
                        "generic-withkey",
                        "kind",
                        "GENERIC_HMAC",
                        "publicKeyPem",
                        WebhookFixtures.text("sipgate-test-public.pem")))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publicKeyPem"));
        asAdmin()
                .body(Map.of("name", "generic-badkind", "kind", "TELEPATHY"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM integration")).isEqualTo(before);
    }

    @Test
    void aTakenNameIsAConflict() {
        register("generic-twice", IntegrationKind.GENERIC_HMAC, null);
        asAdmin()
                .body(Map.of("name", "generic-twice", "kind", "ZAMMAD"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRotationAddsASecretAndEndsTheOldOnesAtTheGivenTime() {
        register("generic-rotating", IntegrationKind.GENERIC_HMAC, null);
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String second = asAdmin()
                .body(Map.of("previousValidUntil", until.toString()))
                .when()
                .post("/api/v1/integrations/generic-rotating/secrets")
                .then()
                .statusCode(200)
                .body("secret", notNullValue())
                .extract()
                .path("secret");
        UUID id = idOf("generic-rotating");
        List<Map<String, Object>> secrets = TestDatabase.rows(
                "SELECT valid_until FROM integration_secret WHERE integration_id = ? ORDER BY created_at", id);
        assertThat(secrets).hasSize(2);
        assertThat(((java.sql.Timestamp) secrets.get(0).get("valid_until")).toInstant())
                .isEqualTo(until);
        assertThat(secrets.get(1).get("valid_until")).isNull();
        assertThat(second).isNotBlank();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'integration.rotate-secret'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void anOverlapBeyondThirtyDaysIsRefusedAndNothingChanges() {
        register("generic-overlap", IntegrationKind.GENERIC_HMAC, null);
        asAdmin()
                .body(Map.of(
                        "previousValidUntil",
                        Instant.now().plus(31, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/integrations/generic-overlap/secrets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("previousValidUntil"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM integration_secret WHERE integration_id = ?", idOf("generic-overlap")))
                .isEqualTo(1);
    }

    @Test
    void aTimeInThePastSwitchesToTheNewSecretAtOnce() {
        register("generic-switch", IntegrationKind.GENERIC_HMAC, null);
        asAdmin()
                .body(Map.of("previousValidUntil", "2020-01-01T00:00:00Z"))
                .when()
                .post("/api/v1/integrations/generic-switch/secrets")
                .then()
                .statusCode(200);
        assertThat(TestDatabase.rows(
                        "SELECT valid_until FROM integration_secret WHERE integration_id = ?", idOf("generic-switch")))
                .as("the old secret is gone, only the new one is left")
                .containsExactly(java.util.Collections.singletonMap("valid_until", null));
    }

    @Test
    void aRevocationDeletesTheSecretsAndDestroysTheIntegrationsKey() {
        register("zammad-revoked", IntegrationKind.ZAMMAD, null);
        UUID id = idOf("zammad-revoked");
        asAdmin().when().delete("/api/v1/integrations/zammad-revoked").then().statusCode(204);
        asAdmin()
                .when()
                .get("/api/v1/integrations/zammad-revoked")
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        assertThat(TestDatabase.count("SELECT count(*) FROM integration_secret WHERE integration_id = ?", id))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NOT NULL", id))
                .isEqualTo(1);
        asAdmin().when().delete("/api/v1/integrations/zammad-revoked").then().statusCode(409);
        asAdmin()
                .body(Map.of("previousValidUntil", Instant.now().toString()))
                .when()
                .post("/api/v1/integrations/zammad-revoked/secrets")
                .then()
                .statusCode(409);
        asAdmin().when().delete("/api/v1/integrations/never-registered").then().statusCode(404);
    }

    @Test
    void everyAdminEndpointNeedsAToken() {
        given().when().get("/api/v1/integrations").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/integrations/any-name").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "no-token", "kind", "ZAMMAD"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("previousValidUntil", Instant.now().toString()))
                .when()
                .post("/api/v1/integrations/any-name/secrets")
                .then()
                .statusCode(401);
        given().when().delete("/api/v1/integrations/any-name").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "service", "marketing", "analyst", "dpo"})
    void everyAdminEndpointIsForbiddenToOtherRoles(String role) {
        long before = TestDatabase.count("SELECT count(*) FROM integration");
        as(role).when().get("/api/v1/integrations").then().statusCode(403).contentType("application/problem+json");
        as(role).when().get("/api/v1/integrations/any-name").then().statusCode(403);
        as(role).body(Map.of("name", "not-admin", "kind", "ZAMMAD"))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(403);
        as(role).body(Map.of("previousValidUntil", Instant.now().toString()))
                .when()
                .post("/api/v1/integrations/any-name/secrets")
                .then()
                .statusCode(403);
        as(role).when().delete("/api/v1/integrations/any-name").then().statusCode(403);
        assertThat(TestDatabase.count("SELECT count(*) FROM integration")).isEqualTo(before);
    }
}
