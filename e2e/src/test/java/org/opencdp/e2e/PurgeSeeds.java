package org.opencdp.e2e;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The records the purge tests seed through the services' APIs (orders, carts, consents, page views, customers), and
 * how they count what is left in the services' databases. Shared by {@link RetentionPurgeTest} (each service's purge
 * endpoint) and {@link PurgeRunTest} (a run through retention-service).
 */
final class PurgeSeeds {

    private final E2eSuite suite;

    PurgeSeeds(E2eSuite suite) {
        this.suite = suite;
    }

    /** An order the shop reports at behaviour-service; returns its id. */
    String order(UUID subject, Instant at) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("externalId", "RP-" + UUID.randomUUID());
        order.put("subjectId", subject.toString());
        order.put("orderedAt", at.toString());
        order.put("channel", "WEB");
        order.put("paymentMethod", "PAYPAL");
        order.put("currency", "EUR");
        order.put("lines", List.of(line()));
        order.put("total", 4.5);
        return asShop(Service.BEHAVIOUR)
                .body(order)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A cart the shop holds for a visitor ({@code visitors/<id>}) or a customer ({@code subjects/<id>}). */
    void cart(String holder) {
        asShop(Service.BEHAVIOUR)
                .body(Map.of("currency", "EUR", "lines", List.of(line())))
                .when()
                .put("/api/v1/carts/" + holder)
                .then()
                .statusCode(200);
    }

    /** Erases a subject at behaviour-service as retention-service does; its orders are kept under a legal hold. */
    void eraseAtBehaviour(UUID subject) {
        asRetention(Service.BEHAVIOUR)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);
    }

    /** A consent given to phone marketing and revoked: its proof expires with the policy. */
    String revokedConsent() {
        String holder = UUID.randomUUID().toString();
        ConsentRecords.grant(
                () -> as(DemoUser.SALES, Service.CONSENT), "subjectId", holder, "phone-marketing", "de", "PHONE");
        as(DemoUser.SALES, Service.CONSENT)
                .body(Map.of("subjectId", holder, "purposes", List.of("phone-marketing"), "channel", "PHONE"))
                .when()
                .post("/api/v1/revocations")
                .then()
                .statusCode(200);
        return holder;
    }

    /** A consent given to phone marketing and still in force: its proof is never purged. */
    String consentInForce() {
        String holder = UUID.randomUUID().toString();
        ConsentRecords.grant(
                () -> as(DemoUser.SALES, Service.CONSENT), "subjectId", holder, "phone-marketing", "de", "PHONE");
        return holder;
    }

    /** A visitor who consented to web analytics and viewed one page; returns the visitor id. */
    String visitorWithPageView() {
        String visitor = newId();
        ConsentRecords.grant(() -> asShop(Service.CONSENT), "visitorId", visitor, "web-analytics", "en", "WEB_FORM");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "page_view");
        event.put("visitorId", visitor);
        event.put("sessionId", newId());
        event.put("url", "https://shop.example/tea");
        event.put("clientTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        given().baseUri(suite.url(Service.TRACKING))
                .header("Origin", suite.url(Service.TRACKING))
                .contentType("text/plain;charset=UTF-8")
                .body(json(Map.of("events", List.of(event))))
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(200);
        return visitor;
    }

    /** A person created at profile-service (its last change: now); returns the customer id. */
    String person() {
        return as(DemoUser.SALES, Service.PROFILE)
                .body(Map.of(
                        "type", "PERSON",
                        "givenName", "Erika",
                        "familyName", "Mustermann",
                        "language", "de",
                        "emails", List.of(Map.of("address", "e." + UUID.randomUUID() + "@example.de"))))
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    boolean customerExists(String id) throws SQLException {
        return count(Service.PROFILE, "SELECT count(*) FROM customer WHERE id = ?::uuid", id) == 1;
    }

    long ordersNamed(String... ids) throws SQLException {
        long found = 0;
        for (String id : ids) {
            found += count(Service.BEHAVIOUR, "SELECT count(*) FROM customer_order WHERE id = ?::uuid", id);
        }
        return found;
    }

    long visitorCarts(String visitor) throws SQLException {
        return count(Service.BEHAVIOUR, "SELECT count(*) FROM cart WHERE visitor_id = ?", visitor);
    }

    long subjectCarts(UUID subject) throws SQLException {
        return count(Service.BEHAVIOUR, "SELECT count(*) FROM cart WHERE subject_id = ?::uuid", subject.toString());
    }

    long entriesOf(String holder) throws SQLException {
        return count(Service.CONSENT, "SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", holder);
    }

    long eventsOf(String visitor) throws SQLException {
        return count(Service.TRACKING, "SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitor);
    }

    /** Moves a customer's creation and last change back to a moment, as if nobody had changed it since. */
    void lastChangedAt(String customer, Instant at) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(Service.PROFILE.database());
                PreparedStatement s =
                        c.prepareStatement("UPDATE customer SET created_at = ?, updated_at = ? WHERE id = ?::uuid")) {
            s.setObject(1, at.atOffset(ZoneOffset.UTC));
            s.setObject(2, at.atOffset(ZoneOffset.UTC));
            s.setString(3, customer);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no customer " + customer);
            }
        }
    }

    long count(Service service, String sql, String parameter) throws SQLException {
        return count(service.database(), sql, parameter);
    }

    long count(String database, String sql, String parameter) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As retention-service calls a service: its client-credentials token for that service. */
    RequestSpecification asRetention(Service target) {
        return given().baseUri(suite.url(target))
                .auth()
                .oauth2(suite.keycloak().serviceToken(Service.RETENTION, target))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asShop(Service target) {
        return given().baseUri(suite.url(target))
                .auth()
                .oauth2(suite.keycloak().shopToken(target))
                .contentType(ContentType.JSON);
    }

    RequestSpecification as(DemoUser user, Service service) {
        return given().baseUri(suite.url(service))
                .auth()
                .oauth2(suite.keycloak().login(user))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> line() {
        return Map.of("sku", "SKU-1", "category", "tea", "quantity", 1, "unitPrice", 4.5, "discount", 0);
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
