package org.opencdp.behaviour;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.behaviour.api.CartResourceTest;
import org.opencdp.behaviour.api.Orders;
import org.opencdp.behaviour.service.AbandonedCartRetention;
import org.opencdp.behaviour.service.BookingVoucherRetention;
import org.opencdp.subjectrights.testkit.RetentionPurgeContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * behaviour-service's retention categories against a real database: orders as booking vouchers (with their lines,
 * and those kept under a legal hold after an erasure) and abandoned carts. Each test starts without orders and carts
 * (as the owner) so the report's counts are exact.
 */
@QuarkusTest
class BehaviourRetentionPurgeTest extends RetentionPurgeContractTest {

    private static final List<Map<String, Object>> EIGHT_YEARS =
            List.of(policy(BookingVoucherRetention.NAME, "P8Y", true));

    @Override
    protected List<String> heldCategories() {
        return List.of(BookingVoucherRetention.NAME, AbandonedCartRetention.NAME);
    }

    @BeforeEach
    void noOrdersOrCarts() {
        TestDatabase.execute("DELETE FROM customer_order");
        TestDatabase.execute("DELETE FROM cart");
    }

    @Test
    void ordersGoWithTheirLinesAtTheEndOfTheEighthYearAfterTheirYear() {
        UUID subject = UUID.randomUUID();
        UUID expired = orderedAt(subject, "2015-12-31T22:00:00Z");
        UUID kept = orderedAt(subject, "2016-01-01T09:00:00Z");
        Instant lastMomentOf2023 = Instant.parse("2024-01-01T00:00:00Z"); // 31 Dec 2023 24:00: not yet over
        Instant afterIt = Instant.parse("2024-01-01T00:00:00.000001Z");

        assertThat(counts(purge(false, lastMomentOf2023, EIGHT_YEARS), BookingVoucherRetention.NAME))
                .containsExactly(0, 0);
        assertThat(counts(purge(true, afterIt, EIGHT_YEARS), BookingVoucherRetention.NAME))
                .containsExactly(1, 0);
        assertThat(ordersAndLines(expired)).isEqualTo(2);

        assertThat(counts(purge(false, afterIt, EIGHT_YEARS), BookingVoucherRetention.NAME))
                .containsExactly(1, 1);
        assertThat(ordersAndLines(expired)).isZero();
        assertThat(ordersAndLines(kept)).isEqualTo(2);
    }

    @Test
    void anErasedSubjectsOrdersKeptUnderLegalHoldGoWhenTheirPeriodEnds() {
        UUID subject = UUID.randomUUID();
        UUID held = orderedAt(subject, "2020-05-01T10:00:00Z");
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM customer_order WHERE id = ? AND retained_until = '2028-12-31'", held))
                .isOne();

        assertThat(counts(
                        purge(false, Instant.parse("2028-12-31T12:00:00Z"), EIGHT_YEARS), BookingVoucherRetention.NAME))
                .containsExactly(0, 0);
        assertThat(counts(
                        purge(false, Instant.parse("2029-01-01T00:00:01Z"), EIGHT_YEARS), BookingVoucherRetention.NAME))
                .containsExactly(1, 1);
        assertThat(ordersAndLines(held)).isZero();
    }

    @Test
    void cartsNotConvertedToAnOrderExpireByTheirLastChange() {
        UUID abandoned = cartChangedAt("2020-01-10T10:00:00Z");
        UUID converted = cartChangedAt("2020-01-10T10:00:00Z");
        orderedAt(converted, "2020-01-10T10:05:00Z");
        UUID recent = cartChangedAt("2020-03-10T10:00:00Z");
        TestDatabase.execute(
                "INSERT INTO cart (id, shop, visitor_id, currency, value, lines, updated_at)"
                        + " VALUES (gen_random_uuid(), 'shop-backend', md5(random()::text), 'EUR', 5, '[]', ?)",
                Timestamp.from(Instant.parse("2020-01-05T08:00:00Z")));
        // P90D before 1 May 2020 is 2 February: the two January carts not ordered have expired.
        Instant asOf = Instant.parse("2020-05-02T00:00:00Z");
        List<Map<String, Object>> policies = List.of(policy(AbandonedCartRetention.NAME, "P90D", false));

        assertThat(counts(purge(true, asOf, policies), AbandonedCartRetention.NAME))
                .containsExactly(2, 0);
        assertThat(counts(purge(false, asOf, policies), AbandonedCartRetention.NAME))
                .containsExactly(2, 2);

        assertThat(cartsOf(abandoned)).isZero();
        assertThat(cartsOf(converted)).isOne();
        assertThat(cartsOf(recent)).isOne();
        assertThat(TestDatabase.count("SELECT count(*) FROM cart WHERE visitor_id IS NOT NULL"))
                .isZero();
    }

    private static UUID orderedAt(UUID subject, String at) {
        String externalId = "RP-" + UUID.randomUUID();
        Orders.importAll(List.of(Orders.order(externalId, subject, Instant.parse(at), "SKU-1", "tea", 1, "4.50")));
        return (UUID) TestDatabase.rows("SELECT id FROM customer_order WHERE external_id = ?", externalId)
                .get(0)
                .get("id");
    }

    private static long ordersAndLines(UUID orderId) {
        return TestDatabase.count("SELECT count(*) FROM customer_order WHERE id = ?", orderId)
                + TestDatabase.count("SELECT count(*) FROM order_line WHERE order_id = ?", orderId);
    }

    private static UUID cartChangedAt(String at) {
        UUID subject = UUID.randomUUID();
        CartResourceTest.putCart(subject, "SKU-1", 1).then().statusCode(200);
        TestDatabase.execute(
                "UPDATE cart SET updated_at = ? WHERE subject_id = ?", Timestamp.from(Instant.parse(at)), subject);
        return subject;
    }

    private static long cartsOf(UUID subject) {
        return TestDatabase.count("SELECT count(*) FROM cart WHERE subject_id = ?", subject);
    }
}
