package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The retention purge across the five services started for real (issue 13): data seeded through each service's API,
 * each service's purge endpoint called as retention-service with every policy and {@code asOf} moved forward, and
 * exactly what expired is gone while the rest remains; an erased customer's orders kept under a legal hold go when
 * their booking-voucher period ends. The runs delete what expired of other tests' data too, so this class checks its
 * own records by id.
 */
@WithLocalSuite
class RetentionPurgeTest {

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

    /** The German defaults as retention-service ships them (the audit trail's: 3 years to the end of the year). */
    private static final List<Map<String, Object>> POLICIES = List.of(
            policy("inactive-customer-profile", "P3Y", true),
            policy("tracking-raw-events", "P13M", false),
            policy("tracking-daily-aggregates", "P25M", false),
            policy("abandoned-carts", "P90D", false),
            policy("booking-vouchers", "P8Y", true),
            policy("consent-proofs", "P3Y", true),
            policy("audit-trail", "P3Y", true));

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void eachServiceDeletesExactlyWhatExpiredAndAnEndedLegalHoldReleasesTheOrders() throws SQLException {
        // behaviour-service: an order of nine years ago, one of today, and the order of last year of a customer erased
        // since, kept under a legal hold until the end of the 8th year after its year.
        UUID buyer = UUID.randomUUID();
        String oldOrder = order(buyer, Instant.parse((YEAR - 9) + "-06-01T10:00:00Z"));
        String newOrder = order(buyer, Instant.now().minus(1, ChronoUnit.HOURS));
        UUID erased = UUID.randomUUID();
        String heldOrder = order(erased, Instant.parse((YEAR - 1) + "-06-01T10:00:00Z"));
        asRetention(Service.BEHAVIOUR)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + erased + "/erasure")
                .then()
                .statusCode(200);
        assertThat(count(
                        Service.BEHAVIOUR,
                        "SELECT count(*) FROM customer_order WHERE retained_until IS NOT NULL" + " AND id = ?::uuid",
                        heldOrder))
                .isOne();
        // consent-service: a consent revoked (its proof expires), one in force (its proof stays).
        String revoked = UUID.randomUUID().toString();
        ConsentRecords.grant(
                () -> as(DemoUser.SALES, Service.CONSENT), "subjectId", revoked, "phone-marketing", "de", "PHONE");
        as(DemoUser.SALES, Service.CONSENT)
                .body(Map.of("subjectId", revoked, "purposes", List.of("phone-marketing"), "channel", "PHONE"))
                .when()
                .post("/api/v1/revocations")
                .then()
                .statusCode(200);
        String inForce = UUID.randomUUID().toString();
        ConsentRecords.grant(
                () -> as(DemoUser.SALES, Service.CONSENT), "subjectId", inForce, "phone-marketing", "de", "PHONE");
        // tracking-service: a visitor's page view under its consent.
        String visitor = newId();
        ConsentRecords.grant(() -> asShop(Service.CONSENT), "visitorId", visitor, "web-analytics", "en", "WEB_FORM");
        given().baseUri(suite.url(Service.TRACKING))
                .header("Origin", suite.url(Service.TRACKING))
                .contentType("text/plain;charset=UTF-8")
                .body(json(Map.of("events", List.of(pageView(visitor)))))
                .when()
                .post("/api/v1/collect/site_demo")
                .then()
                .statusCode(200);
        assertThat(eventsOf(visitor)).isOne();
        // profile-service: a customer created (changed) today.
        String customer = createPerson();

        // A dry run far ahead counts, and deletes nothing anywhere.
        Instant farAhead = Instant.parse((YEAR + 9) + "-01-02T00:00:00Z");
        for (Service service : Service.values()) {
            JsonPath preview = purge(service, UUID.randomUUID(), true, farAhead);
            assertThat(preview.getList("categories.deleted", Integer.class))
                    .as(service.name())
                    .containsOnly(0);
            assertThat(preview.getList("categories.category", String.class)).contains("audit-trail");
        }
        assertThat(expired(purge(Service.BEHAVIOUR, UUID.randomUUID(), true, farAhead), "booking-vouchers"))
                .isGreaterThanOrEqualTo(3);
        assertThat(ordersNamed(oldOrder, newOrder, heldOrder)).isEqualTo(3);
        assertThat(entriesOf(revoked) + entriesOf(inForce)).isEqualTo(3);
        assertThat(eventsOf(visitor)).isOne();
        assertThat(customerExists(customer)).isTrue();

        // Today: only the order of nine years ago has passed the end of its 8th year; the held order is kept.
        UUID today = UUID.randomUUID();
        JsonPath behaviourToday = purge(Service.BEHAVIOUR, today, false, Instant.now());
        assertThat(deleted(behaviourToday, "booking-vouchers")).isGreaterThanOrEqualTo(1);
        assertThat(behaviourToday.getList("notHeld", String.class))
                .contains("inactive-customer-profile", "consent-proofs", "tracking-raw-events");
        assertThat(ordersNamed(oldOrder)).isZero();
        assertThat(ordersNamed(newOrder, heldOrder)).isEqualTo(2);
        // The same run id answers the stored report and deletes nothing more.
        assertThat(purge(Service.BEHAVIOUR, today, false, Instant.now()).prettify())
                .isEqualTo(behaviourToday.prettify());

        // Raw events: kept 13 months after receipt, gone after.
        purge(Service.TRACKING, UUID.randomUUID(), false, Instant.now().plus(360, ChronoUnit.DAYS));
        assertThat(eventsOf(visitor)).isOne();
        purge(Service.TRACKING, UUID.randomUUID(), false, Instant.now().plus(430, ChronoUnit.DAYS));
        assertThat(eventsOf(visitor)).isZero();

        // On the last day of the third year after this year nothing of this year has expired, on the next it has.
        Instant lastDayOfThirdYear = Instant.parse((YEAR + 3) + "-12-31T12:00:00Z");
        Instant afterIt = Instant.parse((YEAR + 4) + "-01-01T00:00:01Z");
        purge(Service.CONSENT, UUID.randomUUID(), false, lastDayOfThirdYear);
        purge(Service.PROFILE, UUID.randomUUID(), false, lastDayOfThirdYear);
        assertThat(entriesOf(revoked)).isEqualTo(2);
        assertThat(customerExists(customer)).isTrue();

        purge(Service.CONSENT, UUID.randomUUID(), false, afterIt);
        JsonPath profile = purge(Service.PROFILE, UUID.randomUUID(), false, afterIt);
        assertThat(entriesOf(revoked)).isZero();
        assertThat(entriesOf(inForce)).isOne();
        assertThat(deleted(profile, "inactive-customer-profile")).isGreaterThanOrEqualTo(1);
        assertThat(customerExists(customer)).isFalse();
        // The inactive profile was erased as by a request: its key is destroyed.
        assertThat(count(
                        Service.PROFILE.keysDatabase(),
                        "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NOT NULL",
                        customer))
                .isOne();

        // The held order's period ends with the 8th year after its year: then it goes, today's order stays.
        purge(Service.BEHAVIOUR, UUID.randomUUID(), false, Instant.parse((YEAR + 7) + "-12-31T12:00:00Z"));
        assertThat(ordersNamed(heldOrder)).isOne();
        purge(Service.BEHAVIOUR, UUID.randomUUID(), false, Instant.parse((YEAR + 8) + "-01-01T00:00:01Z"));
        assertThat(ordersNamed(heldOrder)).isZero();
        assertThat(ordersNamed(newOrder)).isOne();

        // retention-service holds its audit trail only.
        assertThat(purge(Service.RETENTION, UUID.randomUUID(), true, farAhead).getList("categories.category"))
                .containsExactly("audit-trail");
    }

    private static Map<String, Object> policy(String category, String period, boolean roundToEndOfYear) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("category", category);
        policy.put("version", 1);
        policy.put("period", period);
        policy.put("startEvent", "as the policy says");
        policy.put("roundToEndOfYear", roundToEndOfYear);
        return policy;
    }

    private static JsonPath purge(Service service, UUID runId, boolean dryRun, Instant asOf) {
        return asRetention(service)
                .body(Map.of(
                        "runId", runId.toString(), "dryRun", dryRun, "asOf", asOf.toString(), "policies", POLICIES))
                .when()
                .post("/api/v1/retention/purge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int expired(JsonPath report, String category) {
        return report.getInt("categories.find { it.category == '" + category + "' }.expired");
    }

    private static int deleted(JsonPath report, String category) {
        return report.getInt("categories.find { it.category == '" + category + "' }.deleted");
    }

    private static String order(UUID subject, Instant at) {
        String externalId = "RP-" + UUID.randomUUID();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("externalId", externalId);
        order.put("subjectId", subject.toString());
        order.put("orderedAt", at.toString());
        order.put("channel", "WEB");
        order.put("paymentMethod", "PAYPAL");
        order.put("currency", "EUR");
        order.put(
                "lines",
                List.of(Map.of("sku", "SKU-1", "category", "tea", "quantity", 1, "unitPrice", 4.5, "discount", 0)));
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

    private static Map<String, Object> pageView(String visitor) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "page_view");
        event.put("visitorId", visitor);
        event.put("sessionId", newId());
        event.put("url", "https://shop.example/tea");
        event.put("clientTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return event;
    }

    private static String createPerson() {
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

    private static boolean customerExists(String id) throws SQLException {
        return count(Service.PROFILE, "SELECT count(*) FROM customer WHERE id = ?::uuid", id) == 1;
    }

    private static long ordersNamed(String... ids) throws SQLException {
        long found = 0;
        for (String id : ids) {
            found += count(Service.BEHAVIOUR, "SELECT count(*) FROM customer_order WHERE id = ?::uuid", id);
        }
        return found;
    }

    private static long entriesOf(String holder) throws SQLException {
        return count(Service.CONSENT, "SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", holder);
    }

    private static long eventsOf(String visitor) throws SQLException {
        return count(Service.TRACKING, "SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitor);
    }

    private static long count(Service service, String sql, String parameter) throws SQLException {
        return count(service.database(), sql, parameter);
    }

    private static long count(String database, String sql, String parameter) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static RequestSpecification asRetention(Service target) {
        return given().baseUri(suite.url(target))
                .auth()
                .oauth2(suite.keycloak().serviceToken(Service.RETENTION, target))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification asShop(Service target) {
        return given().baseUri(suite.url(target))
                .auth()
                .oauth2(suite.keycloak().shopToken(target))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification as(DemoUser user, Service service) {
        return given().baseUri(suite.url(service))
                .auth()
                .oauth2(suite.keycloak().login(user))
                .contentType(ContentType.JSON);
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
