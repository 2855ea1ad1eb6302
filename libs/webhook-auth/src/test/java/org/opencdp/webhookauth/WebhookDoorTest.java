package org.opencdp.webhookauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.webhookauth.WebhookFixtures.asAdmin;
import static org.opencdp.webhookauth.WebhookFixtures.bytes;
import static org.opencdp.webhookauth.WebhookFixtures.hmacHex;
import static org.opencdp.webhookauth.WebhookFixtures.hubSignature;
import static org.opencdp.webhookauth.WebhookFixtures.register;
import static org.opencdp.webhookauth.WebhookFixtures.rsaSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The door, scheme by scheme, with payloads shaped as the vendors document them (src/test/resources/fixtures):
 * valid, invalid and replayed requests. Every refusal is a 401 problem, and the endpoint behind it stores nothing.
 */
@QuarkusTest
@WithPostgres
class WebhookDoorTest {

    private static long receipts(String integration) {
        return TestDatabase.count("SELECT count(*) FROM test_webhook_receipt WHERE integration = ?", integration);
    }

    private static RequestSpecification generic(String secret, long timestamp, byte[] body) {
        return given().contentType("application/json")
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, "v1=" + hmacHex(secret, timestamp, body))
                .body(body);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aGenericRequestSignedWithTheSecretOverTimestampAndRawBodyIsAdmittedOnce() {
        String secret = register("pbx-generic", IntegrationKind.GENERIC_HMAC, null);
        byte[] body = bytes("generic-call-ended.json");
        long timestamp = now();
        generic(secret, timestamp, body)
                .when()
                .post("/api/v1/webhooks/generic/pbx-generic/calls")
                .then()
                .statusCode(200);
        assertThat(receipts("pbx-generic")).isEqualTo(1);

        // The exact same request again, within the window: a replay.
        generic(secret, timestamp, body)
                .when()
                .post("/api/v1/webhooks/generic/pbx-generic/calls")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("used before"));
        assertThat(receipts("pbx-generic")).isEqualTo(1);
    }

    @Test
    void theSameJsonReformattedFailsBecauseTheRawBytesAreSigned() {
        String secret = register("pbx-reformatted", IntegrationKind.GENERIC_HMAC, null);
        byte[] signed = bytes("generic-call-ended.json");
        byte[] reformatted =
                new String(signed, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        long timestamp = now();
        given().contentType("application/json")
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, "v1=" + hmacHex(secret, timestamp, signed))
                .body(reformatted)
                .when()
                .post("/api/v1/webhooks/generic/pbx-reformatted/calls")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertThat(receipts("pbx-reformatted")).isZero();
    }

    @Test
    void aGenericRequestWithAWrongSecretOrOutsideTheWindowOrUnsignedIsRefused() {
        String secret = register("pbx-refused", IntegrationKind.GENERIC_HMAC, null);
        byte[] body = bytes("generic-call-ended.json");
        String url = "/api/v1/webhooks/generic/pbx-refused/calls";
        generic("ocdp_not-the-secret", now(), body).when().post(url).then().statusCode(401);
        // Well outside the window either way: a second's margin failed on a loaded machine, where the request can
        // reach the door a second after the test read the clock.
        generic(secret, now() - 330, body)
                .when()
                .post(url)
                .then()
                .statusCode(401)
                .body("detail", containsString("5 minutes"));
        generic(secret, now() + 330, body).when().post(url).then().statusCode(401);
        given().contentType("application/json")
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header(WebhookHeaders.TIMESTAMP, "yesterday")
                .header(WebhookHeaders.SIGNATURE, "v1=" + hmacHex(secret, now(), body))
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(401);
        // A timestamp at the window's edge is still inside.
        generic(secret, now() - 290, body).when().post(url).then().statusCode(200);
        assertThat(receipts("pbx-refused")).isEqualTo(1);
    }

    @Test
    void anUnknownRevokedOrOtherKindOfIntegrationIsRefusedLikeABadSignature() {
        String secret = register("pbx-kinds", IntegrationKind.GENERIC_HMAC, null);
        String zammadToken = register("zammad-kinds", IntegrationKind.ZAMMAD, null);
        byte[] body = bytes("generic-call-ended.json");
        generic(secret, now(), body)
                .when()
                .post("/api/v1/webhooks/generic/nobody-here/calls")
                .then()
                .statusCode(401);
        generic(zammadToken, now(), body)
                .when()
                .post("/api/v1/webhooks/generic/zammad-kinds/calls")
                .then()
                .statusCode(401);
        asAdmin().when().delete("/api/v1/integrations/pbx-kinds").then().statusCode(204);
        generic(secret, now(), body)
                .when()
                .post("/api/v1/webhooks/generic/pbx-kinds/calls")
                .then()
                .statusCode(401);
        assertThat(receipts("pbx-kinds") + receipts("zammad-kinds")).isZero();
    }

    @Test
    void duringARotationsOverlapBothSecretsWorkAndAfterASwitchOnlyTheNewOne() {
        String first = register("pbx-rotation", IntegrationKind.GENERIC_HMAC, null);
        String url = "/api/v1/webhooks/generic/pbx-rotation/calls";
        byte[] body = bytes("generic-call-ended.json");
        String second = asAdmin()
                .body(Map.of(
                        "previousValidUntil", Instant.now().plusSeconds(3600).toString()))
                .when()
                .post("/api/v1/integrations/pbx-rotation/secrets")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        generic(first, now(), body).when().post(url).then().statusCode(200);
        generic(second, now() - 1, body).when().post(url).then().statusCode(200);

        String third = asAdmin()
                .body(Map.of("previousValidUntil", Instant.now().toString()))
                .when()
                .post("/api/v1/integrations/pbx-rotation/secrets")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        generic(first, now() - 2, body).when().post(url).then().statusCode(401);
        generic(second, now() - 3, body).when().post(url).then().statusCode(401);
        generic(third, now() - 4, body).when().post(url).then().statusCode(200);
        assertThat(receipts("pbx-rotation")).isEqualTo(3);
    }

    @Test
    void aZammadDeliveryIsAdmittedOnceAndItsRepetitionGetsTheFirstAnswer() {
        String token = register("zammad-helpdesk", IntegrationKind.ZAMMAD, null);
        byte[] body = bytes("zammad-ticket-create.json");
        RequestSpecification delivery = given().contentType("application/json")
                .header("X-Zammad-Trigger", "opencdp tickets")
                .header(WebhookHeaders.ZAMMAD_DELIVERY, "5d3e2a4b-9c1f-4e7a-8b6d-0f1e2d3c4b5a")
                .header(WebhookHeaders.HUB_SIGNATURE, hubSignature(token, body))
                .body(body);
        String receipt = delivery.when()
                .post("/api/v1/webhooks/zammad/zammad-helpdesk")
                .then()
                .statusCode(200)
                .header(WebhookHeaders.REPEATED_DELIVERY, nullValue())
                .extract()
                .path("receipt");
        delivery.when()
                .post("/api/v1/webhooks/zammad/zammad-helpdesk")
                .then()
                .statusCode(200)
                .header(WebhookHeaders.REPEATED_DELIVERY, "true")
                .body("receipt", equalTo(receipt));
        assertThat(receipts("zammad-helpdesk")).isEqualTo(1);
    }

    @Test
    void aZammadDeliveryWithABadSignatureOrWithoutItsIdIsRefused() {
        String token = register("zammad-refused", IntegrationKind.ZAMMAD, null);
        byte[] body = bytes("zammad-ticket-create.json");
        String url = "/api/v1/webhooks/zammad/zammad-refused";
        given().contentType("application/json")
                .header(WebhookHeaders.ZAMMAD_DELIVERY, "d-1")
                .header(WebhookHeaders.HUB_SIGNATURE, hubSignature("ocdp_wrong", body))
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header(WebhookHeaders.ZAMMAD_DELIVERY, "d-2")
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header(WebhookHeaders.HUB_SIGNATURE, hubSignature(token, body))
                .body(body)
                .when()
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(receipts("zammad-refused")).isZero();
    }

    @Test
    void aSipgatePushSignedWithTheConfiguredKeyIsAdmittedAndAnyOtherIsRefused() {
        register("sipgate-office", IntegrationKind.SIPGATE, WebhookFixtures.text("sipgate-test-public.pem"));
        String push = WebhookFixtures.text("sipgate-new-call.form");
        String url = "/api/v1/webhooks/sipgate/sipgate-office";
        given().contentType("application/x-www-form-urlencoded")
                .header(WebhookHeaders.SIPGATE_SIGNATURE, WebhookFixtures.text("sipgate-new-call.signature"))
                .body(push)
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .contentType(containsString("application/xml"));
        assertThat(TestDatabase.rows("SELECT payload FROM test_webhook_receipt WHERE integration = 'sipgate-office'")
                        .getFirst()
                        .get("payload"))
                .isEqualTo("newCall D8A1B2C3D4E5F60718293A4B5C6D7E8F [Alice Example]");

        given().contentType("application/x-www-form-urlencoded")
                .header(
                        WebhookHeaders.SIPGATE_SIGNATURE,
                        rsaSignature("other-test-private.pem", push.getBytes(StandardCharsets.UTF_8)))
                .body(push)
                .when()
                .post(url)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String tampered = push.replace("direction=in", "direction=out");
        given().contentType("application/x-www-form-urlencoded")
                .header(WebhookHeaders.SIPGATE_SIGNATURE, WebhookFixtures.text("sipgate-new-call.signature"))
                .body(tampered)
                .when()
                .post(url)
                .then()
                .statusCode(401);
        given().contentType("application/x-www-form-urlencoded")
                .body(push)
                .when()
                .post(url)
                .then()
                .statusCode(401);
        assertThat(receipts("sipgate-office")).isEqualTo(1);
    }

    @Test
    void threeCxGetsInWithItsNameAndApiKeyAsBasicCredentialsOnly() {
        String key = register("pbx-3cx-office", IntegrationKind.THREECX, null);
        given().auth()
                .preemptive()
                .basic("pbx-3cx-office", key)
                .when()
                .get("/api/v1/webhooks/3cx/lookup")
                .then()
                .statusCode(200)
                .body("integration", equalTo("pbx-3cx-office"));
        given().auth()
                .preemptive()
                .basic("pbx-3cx-office", key + "x")
                .when()
                .get("/api/v1/webhooks/3cx/lookup")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth()
                .preemptive()
                .basic("pbx-unknown", key)
                .when()
                .get("/api/v1/webhooks/3cx/lookup")
                .then()
                .statusCode(401);
        given().when().get("/api/v1/webhooks/3cx/lookup").then().statusCode(401);
        given().auth()
                .oauth2(org.opencdp.testsupport.TestTokens.forRole("admin"))
                .when()
                .get("/api/v1/webhooks/3cx/lookup")
                .then()
                .statusCode(401);
    }
}
