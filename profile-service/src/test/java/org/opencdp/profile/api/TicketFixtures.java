package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.opencdp.webhookauth.WebhookHeaders;
import org.opencdp.webhookauth.WebhookSignatures;

import io.restassured.response.Response;

/**
 * The ticket webhooks' fixtures (payloads shaped as Zammad documents its default payload, and the generic format),
 * filled in per test, and the calls that sign them as the ticket systems do (libs/webhook-auth's computations).
 */
public final class TicketFixtures {

    static final String INBOX = "/api/v1/ticket-inbox";

    private TicketFixtures() {}

    /** Registers an integration of the kind and returns its secret. */
    public static String register(String name, String kind) {
        return CustomerFixtures.as("admin")
                .body(Map.of("name", name, "kind", kind))
                .when()
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /** The Zammad fixture with the placeholders replaced (TICKET_ID, ARTICLE_ID, CUSTOMER_EMAIL, ...). */
    public static byte[] zammad(Map<String, String> values) {
        return filled("zammad-ticket-article.json", values);
    }

    static byte[] generic(Map<String, String> values) {
        return filled("generic-ticket-message.json", values);
    }

    /** Typical values: a new ticket of a customer, open, its first article now. */
    public static Map<String, String> zammadValues(String email, String phone) {
        String ticket = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        return new java.util.HashMap<>(Map.of(
                "TICKET_ID",
                ticket,
                "TICKET_NUMBER",
                "3" + ticket,
                "TICKET_STATE",
                "open",
                "ARTICLE_ID",
                ticket + "1",
                "ARTICLE_SENDER",
                "Customer",
                "ARTICLE_TIME",
                Instant.now().minusSeconds(60).toString(),
                "UPDATED_AT",
                Instant.now().minusSeconds(60).toString(),
                "CUSTOMER_EMAIL",
                email,
                "CUSTOMER_PHONE",
                phone));
    }

    public static Response sendZammad(String integration, String token, String deliveryId, byte[] body) {
        return given().contentType("application/json")
                .header("X-Zammad-Trigger", "opencdp tickets")
                .header(WebhookHeaders.ZAMMAD_DELIVERY, deliveryId)
                .header(WebhookHeaders.HUB_SIGNATURE, hubSignature(token, body))
                .body(body)
                .when()
                .post("/api/v1/webhooks/zammad/" + integration + "/tickets");
    }

    static Response sendGeneric(String integration, String secret, long timestamp, byte[] body) {
        return given().contentType("application/json")
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, "v1=" + genericSignature(secret, timestamp, body))
                .body(body)
                .when()
                .post("/api/v1/webhooks/generic/" + integration + "/tickets");
    }

    static String hubSignature(String token, byte[] body) {
        return "sha1="
                + HexFormat.of().formatHex(WebhookSignatures.zammad(token.getBytes(StandardCharsets.UTF_8), body));
    }

    static String genericSignature(String secret, long timestamp, byte[] body) {
        return HexFormat.of()
                .formatHex(WebhookSignatures.generic(
                        secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), body));
    }

    private static byte[] filled(String fixture, Map<String, String> values) {
        String text;
        try (InputStream in = TicketFixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
