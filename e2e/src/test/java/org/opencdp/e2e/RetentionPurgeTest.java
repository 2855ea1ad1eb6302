package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;

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
    private static PurgeSeeds seeds;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
        seeds = new PurgeSeeds(started);
    }

    @Test
    void eachServiceDeletesExactlyWhatExpiredAndAnEndedLegalHoldReleasesTheOrders() throws SQLException {
        // behaviour-service: an order of nine years ago, one of today, and the order of last year of a customer erased
        // since, kept under a legal hold until the end of the 8th year after its year.
        UUID buyer = UUID.randomUUID();
        String oldOrder = seeds.order(buyer, Instant.parse((YEAR - 9) + "-06-01T10:00:00Z"));
        String newOrder = seeds.order(buyer, Instant.now().minus(1, ChronoUnit.HOURS));
        UUID erased = UUID.randomUUID();
        String heldOrder = seeds.order(erased, Instant.parse((YEAR - 1) + "-06-01T10:00:00Z"));
        seeds.eraseAtBehaviour(erased);
        assertThat(seeds.count(
                        Service.BEHAVIOUR,
                        "SELECT count(*) FROM customer_order WHERE retained_until IS NOT NULL" + " AND id = ?::uuid",
                        heldOrder))
                .isOne();
        // consent-service: a consent revoked (its proof expires), one in force (its proof stays).
        String revoked = seeds.revokedConsent();
        String inForce = seeds.consentInForce();
        // tracking-service: a visitor's page view under its consent.
        String visitor = seeds.visitorWithPageView();
        assertThat(seeds.eventsOf(visitor)).isOne();
        // profile-service: a customer created (changed) today.
        String customer = DemoPeople.create(suite);

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
        assertThat(seeds.ordersNamed(oldOrder, newOrder, heldOrder)).isEqualTo(3);
        assertThat(seeds.entriesOf(revoked) + seeds.entriesOf(inForce)).isEqualTo(3);
        assertThat(seeds.eventsOf(visitor)).isOne();
        assertThat(seeds.customerExists(customer)).isTrue();

        // Today: only the order of nine years ago has passed the end of its 8th year; the held order is kept.
        UUID today = UUID.randomUUID();
        JsonPath behaviourToday = purge(Service.BEHAVIOUR, today, false, Instant.now());
        assertThat(deleted(behaviourToday, "booking-vouchers")).isGreaterThanOrEqualTo(1);
        assertThat(behaviourToday.getList("notHeld", String.class))
                .contains("inactive-customer-profile", "consent-proofs", "tracking-raw-events");
        assertThat(seeds.ordersNamed(oldOrder)).isZero();
        assertThat(seeds.ordersNamed(newOrder, heldOrder)).isEqualTo(2);
        // The same run id answers the stored report and deletes nothing more.
        assertThat(purge(Service.BEHAVIOUR, today, false, Instant.now()).prettify())
                .isEqualTo(behaviourToday.prettify());

        // Raw events: kept 13 months after receipt, gone after.
        purge(Service.TRACKING, UUID.randomUUID(), false, Instant.now().plus(360, ChronoUnit.DAYS));
        assertThat(seeds.eventsOf(visitor)).isOne();
        purge(Service.TRACKING, UUID.randomUUID(), false, Instant.now().plus(430, ChronoUnit.DAYS));
        assertThat(seeds.eventsOf(visitor)).isZero();

        // On the last day of the third year after this year nothing of this year has expired, on the next it has.
        Instant lastDayOfThirdYear = Instant.parse((YEAR + 3) + "-12-31T12:00:00Z");
        Instant afterIt = Instant.parse((YEAR + 4) + "-01-01T00:00:01Z");
        purge(Service.CONSENT, UUID.randomUUID(), false, lastDayOfThirdYear);
        purge(Service.PROFILE, UUID.randomUUID(), false, lastDayOfThirdYear);
        assertThat(seeds.entriesOf(revoked)).isEqualTo(2);
        assertThat(seeds.customerExists(customer)).isTrue();

        purge(Service.CONSENT, UUID.randomUUID(), false, afterIt);
        JsonPath profile = purge(Service.PROFILE, UUID.randomUUID(), false, afterIt);
        assertThat(seeds.entriesOf(revoked)).isZero();
        assertThat(seeds.entriesOf(inForce)).isOne();
        assertThat(deleted(profile, "inactive-customer-profile")).isGreaterThanOrEqualTo(1);
        assertThat(seeds.customerExists(customer)).isFalse();
        // The inactive profile was erased as by a request: its key is destroyed.
        assertThat(seeds.count(
                        Service.PROFILE.keysDatabase(),
                        "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NOT NULL",
                        customer))
                .isOne();

        // The held order's period ends with the 8th year after its year: then it goes, today's order stays.
        purge(Service.BEHAVIOUR, UUID.randomUUID(), false, Instant.parse((YEAR + 7) + "-12-31T12:00:00Z"));
        assertThat(seeds.ordersNamed(heldOrder)).isOne();
        purge(Service.BEHAVIOUR, UUID.randomUUID(), false, Instant.parse((YEAR + 8) + "-01-01T00:00:01Z"));
        assertThat(seeds.ordersNamed(heldOrder)).isZero();
        assertThat(seeds.ordersNamed(newOrder)).isOne();

        // retention-service holds its audit trail only.
        assertThat(purge(Service.RETENTION, UUID.randomUUID(), true, farAhead).getList("categories.category"))
                .containsExactly("audit-trail");
    }

    /**
     * An inactive customer profile is one without activity anywhere: profile-service asks behaviour- and
     * tracking-service (with its own token from the realm) before it erases. Two customers nobody changed for four
     * years; one of them ordered today. With the clock moved into next year the period (3 years to the end of the
     * year) has ended for the one who did nothing since, not for the buyer.
     */
    @Test
    void aCustomerUnchangedForYearsWhoOrderedRecentlyIsKeptTheInactiveOneIsErased() throws SQLException {
        Instant longAgo = Instant.parse((YEAR - 4) + "-06-01T10:00:00Z");
        String inactive = DemoPeople.create(suite);
        String buyer = DemoPeople.create(suite);
        seeds.lastChangedAt(inactive, longAgo);
        seeds.lastChangedAt(buyer, longAgo);
        seeds.order(UUID.fromString(buyer), Instant.now().minus(1, ChronoUnit.HOURS));
        Instant nextYear = Instant.parse((YEAR + 1) + "-06-01T00:00:00Z"); // activity since 1 Jan of YEAR - 2 counts

        JsonPath preview = purge(Service.PROFILE, UUID.randomUUID(), true, nextYear);
        assertThat(preview.getInt("categories.find { it.category == 'inactive-customer-profile' }.skipped"))
                .isZero();
        assertThat(seeds.customerExists(inactive)).isTrue();

        JsonPath run = purge(Service.PROFILE, UUID.randomUUID(), false, nextYear);
        assertThat(run.getInt("categories.find { it.category == 'inactive-customer-profile' }.skipped"))
                .isZero();
        assertThat(deleted(run, "inactive-customer-profile")).isGreaterThanOrEqualTo(1);
        assertThat(seeds.customerExists(inactive)).isFalse();
        assertThat(seeds.customerExists(buyer)).isTrue();
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
        return suite.asService(Service.RETENTION, service)
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
}
