package org.opencdp.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

/**
 * The records the purge tests seed through the services' APIs (orders, carts, consents, page views; customers are
 * {@link DemoPeople}), and how they count what is left in the services' databases. Shared by
 * {@link RetentionPurgeTest} (each service's purge endpoint) and {@link PurgeRunTest} (a run through
 * retention-service).
 */
final class PurgeSeeds {

    private final E2eSuite suite;

    PurgeSeeds(E2eSuite suite) {
        this.suite = suite;
    }

    /** An order the shop reports at behaviour-service; returns its id. */
    String order(UUID subject, Instant at) {
        return suite.asShop(Service.BEHAVIOUR)
                .body(Orders.order(subject.toString(), at, "tea", "4.50"))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A cart the shop holds for a visitor ({@code visitors/<id>}) or a customer ({@code subjects/<id>}). */
    void cart(String holder) {
        suite.asShop(Service.BEHAVIOUR)
                .body(Map.of("currency", "EUR", "lines", List.of(Orders.line("tea", "4.50"))))
                .when()
                .put("/api/v1/carts/" + holder)
                .then()
                .statusCode(200);
    }

    /** Erases a subject at behaviour-service as retention-service does; its orders are kept under a legal hold. */
    void eraseAtBehaviour(UUID subject) {
        suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);
    }

    /** A consent given to phone marketing and revoked: its proof expires with the policy. */
    String revokedConsent() {
        String holder = consentInForce();
        ConsentRecords.revoke(
                suite.as(DemoUser.SALES, Service.CONSENT), "subjectId", holder, "phone-marketing", "PHONE");
        return holder;
    }

    /** A consent given to phone marketing and still in force: its proof is never purged. */
    String consentInForce() {
        String holder = UUID.randomUUID().toString();
        ConsentRecords.grant(
                () -> suite.as(DemoUser.SALES, Service.CONSENT), "subjectId", holder, "phone-marketing", "de", "PHONE");
        return holder;
    }

    /** A visitor who consented to web analytics and viewed one page; returns the visitor id. */
    String visitorWithPageView() {
        String visitor = WebEvents.newId();
        ConsentRecords.grant(
                () -> suite.asShop(Service.CONSENT), "visitorId", visitor, "web-analytics", "en", "WEB_FORM");
        WebEvents.collect(
                        suite,
                        List.of(WebEvents.event(
                                "page_view",
                                visitor,
                                WebEvents.newId(),
                                "https://shop.example/tea",
                                Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                .statusCode(200);
        return visitor;
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
}
