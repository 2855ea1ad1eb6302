package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;

/**
 * A purge run as the dpo starts it, through retention-service against the five services started for real: every
 * retention policy in force goes to every service, each answers with its report, and the run is COMPLETE. A dry run
 * with the clock moved ten years ahead shows expired records everywhere and deletes nothing; a deleting run with the
 * clock moved to the first second of the fourth year ahead deletes exactly what expired by then and ends the legal
 * holds that ended. The deleting run removes what expired of other tests' data too, so this class checks its own
 * records by id (RetentionPurgeTest checks each service's purge endpoint on its own, day by day).
 */
@WithLocalSuite
class PurgeRunTest {

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

    private static E2eSuite suite;
    private static PurgeSeeds seeds;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
        seeds = new PurgeSeeds(started);
    }

    @Test
    void aDryRunReachesEveryServiceAndEachReportsItsOwnCategories() {
        Instant asOf = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonPath run = startRun(true, asOf);

        assertThat(run.getString("outcome")).isEqualTo("COMPLETE");
        assertThat(run.getBoolean("dryRun")).isTrue();
        List<Map<String, Object>> services = run.getList("services");
        assertThat(services).extracting(s -> s.get("status")).containsOnly("ANSWERED");
        assertThat(services).hasSize(5);

        // Each service reports the categories it holds, nothing deleted; the audit trail is held by every one.
        assertThat(categoriesOf(run, "tracking")).contains("tracking-raw-events", "tracking-daily-aggregates");
        assertThat(categoriesOf(run, "behaviour")).contains("booking-vouchers", "abandoned-carts");
        assertThat(categoriesOf(run, "consent")).contains("consent-proofs");
        assertThat(categoriesOf(run, "profile")).contains("inactive-customer-profile", "expired-leads");
        assertThat(categoriesOf(run, "retention")).contains("audit-trail");
        assertThat(run.getList("services.report.categories.flatten().deleted", Integer.class))
                .isNotEmpty()
                .containsOnly(0);
    }

    @Test
    void aDeletingRunDeletesExactlyWhatExpiredEverywhereAndEndsTheLegalHoldsThatEnded() throws SQLException {
        // behaviour-service (booking vouchers: 8 years to the end of the year; abandoned carts: 90 days). A buyer whose
        // cart became today's order, with an order of five and one of four years ago; a visitor's cart never bought;
        // a customer erased today whose order of five years ago is kept under a legal hold to the end of YEAR + 3.
        UUID buyer = UUID.randomUUID();
        seeds.cart("subjects/" + buyer);
        String todaysOrder = seeds.order(buyer, Instant.now());
        String fiveYearsOld = seeds.order(buyer, Instant.parse((YEAR - 5) + "-06-01T10:00:00Z"));
        String fourYearsOld = seeds.order(buyer, Instant.parse((YEAR - 4) + "-06-01T10:00:00Z"));
        String visitorCart = UUID.randomUUID().toString().replace("-", "");
        seeds.cart("visitors/" + visitorCart);
        UUID erased = UUID.randomUUID();
        String heldOrder = seeds.order(erased, Instant.parse((YEAR - 5) + "-06-01T10:00:00Z"));
        seeds.eraseAtBehaviour(erased);
        assertThat(legalHolds(erased)).isOne();
        assertThat(keyDestroyed(erased)).isZero();
        // consent-service (3 years from the end of the last entry's year): a revoked consent, one in force.
        String revoked = seeds.revokedConsent();
        String inForce = seeds.consentInForce();
        // tracking-service (13 months): a page view; profile-service (3 years to the end of the year): a customer.
        String visitor = seeds.visitorWithPageView();
        String customer = DemoPeople.create(suite);

        Instant asOf = Instant.parse((YEAR + 4) + "-01-01T00:00:01Z");
        JsonPath run = startRun(false, asOf);

        assertThat(run.getString("outcome")).isEqualTo("COMPLETE");
        assertThat(run.getBoolean("dryRun")).isFalse();
        assertThat(run.getList("services.status")).hasSize(5).containsOnly("ANSWERED");
        // Each category deleted what it counted as expired; the audit trail deletes nothing younger than a year.
        for (Map<String, Object> category : run.<Map<String, Object>>getList("services.report.categories.flatten()")) {
            if (category.get("category").equals("audit-trail")) {
                assertThat(category.get("deleted")).as("audit-trail").isEqualTo(0);
            } else {
                assertThat(category.get("deleted"))
                        .as(category.get("category").toString())
                        .isEqualTo(category.get("expired"));
            }
        }
        assertThat(deleted(run, "behaviour", "booking-vouchers")).isGreaterThanOrEqualTo(2);
        assertThat(deleted(run, "behaviour", "abandoned-carts")).isGreaterThanOrEqualTo(1);
        assertThat(deleted(run, "consent", "consent-proofs")).isGreaterThanOrEqualTo(2);
        assertThat(deleted(run, "tracking", "tracking-raw-events")).isGreaterThanOrEqualTo(1);
        assertThat(deleted(run, "profile", "inactive-customer-profile")).isGreaterThanOrEqualTo(1);

        // Exactly what expired is gone; the rest stays.
        assertThat(seeds.ordersNamed(fiveYearsOld, heldOrder)).isZero();
        assertThat(seeds.ordersNamed(fourYearsOld, todaysOrder)).isEqualTo(2);
        assertThat(seeds.visitorCarts(visitorCart)).isZero();
        assertThat(seeds.subjectCarts(buyer)).isOne();
        assertThat(seeds.entriesOf(revoked)).isZero();
        assertThat(seeds.entriesOf(inForce)).isOne();
        assertThat(seeds.eventsOf(visitor)).isZero();
        assertThat(seeds.customerExists(customer)).isFalse();
        // The legal hold ended with the held order: the hold is lifted and the erased customer's key destroyed.
        assertThat(legalHolds(erased)).isZero();
        assertThat(keyDestroyed(erased)).isOne();

        // The same run again changes nothing: retention-service refuses to repeat a complete run, and a service asked
        // with the same run id (as a retry would) answers its stored report and deletes nothing more, not even an
        // order that expired since.
        String id = run.getString("id");
        suite.as(DemoUser.DPO, Service.RETENTION)
                .when()
                .post("/api/v1/purge-runs/" + id + "/retry")
                .then()
                .statusCode(409);
        String expiredSince = seeds.order(UUID.randomUUID(), Instant.parse((YEAR - 6) + "-06-01T10:00:00Z"));
        Map<String, Object> again = suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                .body(Map.of(
                        "runId", id, "dryRun", false, "asOf", asOf.toString(), "policies", run.getList("policies")))
                .when()
                .post("/api/v1/retention/purge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(again).isEqualTo(run.getMap("services.find { it.participant == 'behaviour' }.report"));
        assertThat(seeds.ordersNamed(expiredSince)).isOne();
        JsonPath stored = suite.as(DemoUser.DPO, Service.RETENTION)
                .when()
                .get("/api/v1/purge-runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stored.getList("services")).isEqualTo(run.getList("services"));
    }

    private static List<String> categoriesOf(JsonPath run, String participantPrefix) {
        return run.getList(
                "services.find { it.participant.startsWith('" + participantPrefix + "') }.report.categories.category",
                String.class);
    }

    private static int deleted(JsonPath run, String participant, String category) {
        return run.getInt("services.find { it.participant == '" + participant + "' }.report.categories.find { "
                + "it.category == '" + category + "' }.deleted");
    }

    private static long legalHolds(UUID subject) throws SQLException {
        return seeds.count(
                Service.BEHAVIOUR,
                "SELECT count(*) FROM subject_restriction WHERE subject_id = ?::uuid AND basis = 'LEGAL_HOLD'",
                subject.toString());
    }

    private static long keyDestroyed(UUID subject) throws SQLException {
        return seeds.count(
                Service.BEHAVIOUR.keysDatabase(),
                "SELECT count(*) FROM subject_key WHERE subject_id = ?::uuid AND erased_at IS NOT NULL",
                subject.toString());
    }

    /** A purge run the dpo starts at retention-service, as it answers when every service has. */
    private static JsonPath startRun(boolean dryRun, Instant asOf) {
        return suite.as(DemoUser.DPO, Service.RETENTION)
                .body(Map.of("dryRun", dryRun, "asOf", asOf.toString()))
                .when()
                .post("/api/v1/purge-runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
