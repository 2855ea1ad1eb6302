package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;

/**
 * The purchase-behaviour journey of issue 12 with real logins, service tokens, outbox and consent-service: a shop's
 * service account imports orders; sales reads a customer's KPIs; marketing saves "champions in postcode regions
 * 80-87" and exports it for phone marketing, which lists only the champion with a consent recorded at consent-service;
 * an analyst reads the cohort report with its small cohort suppressed.
 *
 * <p>The RFM scores rank every customer with orders in the suite's behaviour database, and other tests import orders
 * too, before or after this one. So the test brings its own cohort, large enough that the customers already there
 * cannot push its champions out of the top fifth: two champions (three large orders each, the latest a few days ago)
 * and at least eight customers with one small order 200 days ago, five more for each customer with orders before
 * (then, even if every one of those outranks the champions, they stay in the top fifth on recency, frequency and
 * revenue). Segments, the export and the cohort report are checked for this test's customers, whatever else is
 * there.
 */
@WithLocalSuite
class BehaviourJourneyTest {

    private static final Duration OUTBOX_DELIVERY = Duration.ofSeconds(30);
    private static final String PURPOSE = "phone-marketing";
    private static final int MIN_OCCASIONAL_CUSTOMERS = 8;
    private static final int REPORT_MIN_CUSTOMERS = 5;

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void ordersKpisAChampionsSegmentExportedUnderConsentAndACohortReport() throws SQLException {
        // n customers before and 2 champions are in the top fifth of n + 2 + occasional when n + 2 <= (n + 2 +
        // occasional) / 5, that is when occasional >= 4 (n + 2).
        long before = count("SELECT count(DISTINCT subject_id) FROM customer_order", null);
        int occasionalCustomers = (int) Math.max(MIN_OCCASIONAL_CUSTOMERS, 5 * (before + 2));
        String consenting = createPerson("80331", "München");
        String withoutConsent = createPerson("86150", "Augsburg");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant occasionalDay = now.minus(200, ChronoUnit.DAYS);

        List<Map<String, Object>> orders = new ArrayList<>();
        for (int daysAgo : new int[] {60, 30, 2}) {
            orders.add(Orders.order(consenting, now.minus(daysAgo, ChronoUnit.DAYS), "tents", "500.00"));
            orders.add(Orders.order(withoutConsent, now.minus(daysAgo + 1, ChronoUnit.DAYS), "tents", "400.00"));
        }
        for (int i = 0; i < occasionalCustomers; i++) {
            orders.add(Orders.order(UUID.randomUUID().toString(), occasionalDay, "socks", "20.00"));
        }
        suite.asShop(Service.BEHAVIOUR)
                .body(orders)
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(200)
                .body("created", equalTo(orders.size()))
                .body("rejected", equalTo(0));

        suite.as(DemoUser.ANALYST, Service.BEHAVIOUR)
                .when()
                .post("/api/v1/kpis/recompute")
                .then()
                .statusCode(200);
        suite.as(DemoUser.SALES, Service.BEHAVIOUR)
                .when()
                .get("/api/v1/customers/" + consenting + "/kpis")
                .then()
                .statusCode(200)
                .body("currency", equalTo("EUR"))
                .body("orderCount", equalTo(3))
                .body("totalRevenue", equalTo(1500.0f))
                .body("averageOrderValue", equalTo(500.0f))
                .body("rfmSegment", equalTo("champions"));

        // profile-service tells behaviour-service the postcode regions through its outbox.
        awaitPostcodeRegion(consenting, "80");
        awaitPostcodeRegion(withoutConsent, "86");
        ConsentRecords.grant(
                () -> suite.as(DemoUser.SALES, Service.CONSENT), "subjectId", consenting, PURPOSE, "de", "PHONE");

        String segment = suite.as(DemoUser.MARKETING, Service.BEHAVIOUR)
                .body(Map.of(
                        "name",
                        "champions 80-87 " + UUID.randomUUID(),
                        "criteria",
                        List.of(
                                Map.of("type", "rfmSegment", "in", List.of("champions")),
                                Map.of("type", "postcodeRegion", "from", "80", "to", "87"))))
                .when()
                .post("/api/v1/segments")
                .then()
                .statusCode(201)
                .body("members", greaterThanOrEqualTo(2))
                .extract()
                .path("id");
        suite.as(DemoUser.MARKETING, Service.BEHAVIOUR)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/v1/segments/" + segment + "/export")
                .then()
                .statusCode(200)
                .body("subjectIds", hasItem(consenting))
                .body("subjectIds", not(hasItem(withoutConsent)))
                .body("leftOut", greaterThanOrEqualTo(1));

        JsonPath cohorts = suite.as(DemoUser.ANALYST, Service.BEHAVIOUR)
                .when()
                .get("/api/v1/reports/cohort-retention")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String occasionalCohort =
                YearMonth.from(occasionalDay.atZone(ZoneOffset.UTC)).toString();
        String championsCohort = YearMonth.from(now.minus(61, ChronoUnit.DAYS).atZone(ZoneOffset.UTC))
                .toString();
        Map<String, Object> occasional =
                cohorts.getMap("rows.find { it.cohort == '" + occasionalCohort + "' && it.monthsAfter == 0 }");
        assertThat(occasional).containsEntry("suppressed", false);
        assertThat((Integer) occasional.get("customers")).isGreaterThanOrEqualTo(occasionalCustomers);
        List<Map<String, Object>> champions =
                cohorts.getList("rows.findAll { it.cohort == '" + championsCohort + "' }");
        // The champions' cohort is suppressed unless other tests' customers made it large enough.
        long championsCohortSize = count(
                "SELECT count(*) FROM (SELECT subject_id FROM customer_order WHERE cancelled_at IS NULL"
                        + " AND retained_until IS NULL"
                        + " AND subject_id NOT IN (SELECT subject_id FROM subject_restriction) GROUP BY subject_id"
                        + " HAVING to_char(min(ordered_at AT TIME ZONE 'UTC'), 'YYYY-MM') = ?) first",
                championsCohort);
        // At least the champion without consent, who first bought 61 days ago (the other, 60 days ago, may fall in the
        // next month).
        assertThat(championsCohortSize).isGreaterThanOrEqualTo(1);
        if (championsCohortSize < REPORT_MIN_CUSTOMERS) {
            assertThat(champions)
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row)
                            .containsEntry("suppressed", true)
                            .containsEntry("customers", null)
                            .containsEntry("retention", null));
        } else {
            assertThat(champions)
                    .filteredOn(row -> Integer.valueOf(0).equals(row.get("monthsAfter")))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("suppressed", false)
                            .containsEntry("customers", (int) championsCohortSize));
        }
    }

    /** A count in behaviour-service's database, with at most one text parameter. */
    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = suite.stack().postgres().connect(Service.BEHAVIOUR.database());
                PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitPostcodeRegion(String subject, String region) {
        await().atMost(OUTBOX_DELIVERY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> suite.asService(Service.RETENTION, Service.BEHAVIOUR)
                        .when()
                        .get("/api/v1/subject-rights/" + subject)
                        .then()
                        .statusCode(200)
                        .body(
                                "categories.find { it.category == 'customer-attributes' }.data[0].postcodeRegion",
                                equalTo(region)));
    }

    /** A customer living in {@code postcode}: profile-service passes the postcode region on to behaviour-service. */
    private static String createPerson(String postcode, String city) {
        return DemoPeople.create(
                suite,
                Map.of(
                        "familyName",
                        "Kaufmann",
                        "addresses",
                        List.of(Map.of(
                                "type",
                                "HOME",
                                "street",
                                "Hauptstraße 1",
                                "postcode",
                                postcode,
                                "city",
                                city,
                                "country",
                                "DE"))));
    }
}
