package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.behaviour.api.Orders.order;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * KPIs, RFM and CLV on known order sets. RFM quintiles rank all customers with orders, so each test starts from an
 * empty order book.
 */
@QuarkusTest
@WithPostgres
public class CustomerKpisTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void emptyOrderBook() {
        TestDatabase.execute("DELETE FROM customer_order");
    }

    private static Instant daysAgo(int days) {
        return TODAY.minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Map<String, Object> bought(UUID subject, int daysAgo, String amount) {
        return order("K-" + UUID.randomUUID(), subject, daysAgo(daysAgo), "SKU-1", "coffee", 1, amount);
    }

    public static JsonPath recompute() {
        return given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .post("/api/v1/kpis/recompute")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath kpis(UUID subject) {
        return given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/customers/" + subject + "/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void kpisCadenceAndRfmOfAKnownOrderSet() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        UUID cancelledOnly = UUID.randomUUID();
        Map<String, Object> returned = bought(e, 149, "30.00");
        Map<String, Object> cancelled = bought(cancelledOnly, 3, "99.00");
        Orders.importAll(List.of(
                bought(a, 300, "100.00"),
                bought(a, 200, "100.00"),
                bought(a, 100, "100.00"),
                bought(a, 10, "100.00"),
                bought(b, 50, "50.00"),
                bought(b, 20, "70.00"),
                bought(c, 400, "20.00"),
                bought(d, 5, "300.00"),
                bought(e, 150, "30.00"),
                returned,
                cancelled));
        adjust(
                (String) returned.get("externalId"),
                "returns",
                Map.of("returnId", "R-1", "returnedAt", Instant.now().toString(), "amount", 10));
        adjust(
                (String) cancelled.get("externalId"),
                "cancellation",
                Map.of("cancelledAt", Instant.now().toString()));

        assertThat(recompute().getInt("customers")).isEqualTo(5);

        JsonPath ka = kpis(a);
        assertThat(ka.getString("currency")).isEqualTo("EUR");
        assertThat(ka.getDouble("totalRevenue")).isEqualTo(400.0);
        assertThat(ka.getInt("orderCount")).isEqualTo(4);
        assertThat(ka.getDouble("averageOrderValue")).isEqualTo(100.0);
        assertThat(ka.getString("firstPurchase")).isEqualTo(daysAgo(300).toString());
        assertThat(ka.getString("lastPurchase")).isEqualTo(daysAgo(10).toString());
        assertThat(ka.getInt("purchaseDays")).isEqualTo(4);
        assertThat(ka.getDouble("meanDaysBetweenPurchases")).isEqualTo(96.67);
        assertThat(ka.getDouble("medianDaysBetweenPurchases")).isEqualTo(100.0);
        assertThat(ka.getString("nextExpectedPurchase"))
                .isEqualTo(TODAY.plusDays(87).toString());
        assertThat(ka.getList("revenuePerMonth.revenue", Float.class)).containsExactly(100f, 100f, 100f, 100f);
        assertThat(ka.getDouble("historicalClv")).isEqualTo(400.0);
        assertThat(List.of(ka.getInt("recencyScore"), ka.getInt("frequencyScore"), ka.getInt("monetaryScore")))
                .containsExactly(4, 5, 5);
        assertThat(ka.getString("rfmSegment")).isEqualTo("loyal");

        JsonPath kb = kpis(b);
        assertThat(kb.getDouble("averageOrderValue")).isEqualTo(60.0);
        assertThat(kb.getDouble("meanDaysBetweenPurchases")).isEqualTo(30.0);
        assertThat(kb.getString("nextExpectedPurchase"))
                .isEqualTo(TODAY.plusDays(10).toString());
        assertThat(List.of(kb.getInt("recencyScore"), kb.getInt("frequencyScore"), kb.getInt("monetaryScore")))
                .containsExactly(3, 3, 3);
        assertThat(kb.getString("rfmSegment")).isEqualTo("needs attention");

        JsonPath kc = kpis(c);
        assertThat(kc.getDouble("totalRevenue")).isEqualTo(20.0);
        assertThat(kc.getString("meanDaysBetweenPurchases")).isNull();
        assertThat(kc.getString("nextExpectedPurchase")).isNull();
        assertThat(List.of(kc.getInt("recencyScore"), kc.getInt("frequencyScore"), kc.getInt("monetaryScore")))
                .containsExactly(1, 1, 1);
        assertThat(kc.getString("rfmSegment")).isEqualTo("lost");

        JsonPath kd = kpis(d);
        assertThat(List.of(kd.getInt("recencyScore"), kd.getInt("frequencyScore"), kd.getInt("monetaryScore")))
                .containsExactly(5, 1, 4);
        assertThat(kd.getString("rfmSegment")).isEqualTo("potential loyalists");

        // A return reduces revenue; the two orders are still two orders, one day apart.
        JsonPath ke = kpis(e);
        assertThat(ke.getDouble("totalRevenue")).isEqualTo(50.0);
        assertThat(ke.getInt("orderCount")).isEqualTo(2);
        assertThat(ke.getDouble("averageOrderValue")).isEqualTo(25.0);
        assertThat(ke.getDouble("medianDaysBetweenPurchases")).isEqualTo(1.0);
        assertThat(List.of(ke.getInt("recencyScore"), ke.getInt("frequencyScore"), ke.getInt("monetaryScore")))
                .containsExactly(2, 3, 2);
        assertThat(ke.getString("rfmSegment")).isEqualTo("at risk");

        // A cancelled order is no order.
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/customers/" + cancelledOnly + "/kpis")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static void adjust(String externalId, String what, Object body) {
        given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders/" + externalId + "/" + what)
                .then()
                .statusCode(200);
    }

    @Test
    void withTooFewRepeatBuyersTheModelIsNotFittedAndNoCustomerGetsAPredictedClv() {
        UUID once = UUID.randomUUID();
        Orders.importAll(List.of(bought(once, 3, "10.00")));
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .post("/api/v1/clv-model/fit")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        TestDatabase.execute("DELETE FROM clv_model_fit");
        recompute();
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/customers/" + once + "/kpis")
                .then()
                .statusCode(200)
                .body("predictedClv", nullValue())
                .body("historicalClv", equalTo(10.0f));
    }

    /**
     * The CDNOW calibration period imported as orders, shifted so that it ends today: the purchase summaries computed
     * in SQL from the orders reproduce the published BG/NBD fit, and the predicted CLV the figure in the README.
     */
    @Test
    void theCdnowSampleImportedAsOrdersReproducesThePublishedFitAndPredictedClv() {
        List<Map<String, Object>> orders = cdnowCalibrationAsOrders();
        for (int from = 0; from < orders.size(); from += 2_000) {
            Orders.importAll(orders.subList(from, Math.min(orders.size(), from + 2_000)));
        }
        JsonPath fit = given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .post("/api/v1/clv-model/fit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(fit.getInt("purchases.customers")).isEqualTo(2357);
        assertThat(fit.getBoolean("usable")).isTrue();
        assertThat(fit.getDouble("purchases.model.r")).isCloseTo(0.243, within(0.243 * 0.02));
        assertThat(fit.getDouble("purchases.model.alpha")).isCloseTo(4.414, within(4.414 * 0.02));
        assertThat(fit.getDouble("purchases.model.a")).isCloseTo(0.793, within(0.793 * 0.02));
        assertThat(fit.getDouble("purchases.model.b")).isCloseTo(2.426, within(2.426 * 0.02));
        assertThat(fit.getDouble("purchases.logLikelihood")).isCloseTo(-9582.4, within(0.5));
        assertThat(fit.getDouble("spend.model.p")).isCloseTo(6.25, within(6.25 * 0.02));
        assertThat(fit.getDouble("spend.model.q")).isCloseTo(3.74, within(3.74 * 0.02));
        assertThat(fit.getDouble("spend.model.gamma")).isCloseTo(15.44, within(15.44 * 0.02));

        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .get("/api/v1/clv-model")
                .then()
                .statusCode(200)
                .body("purchases.customers", equalTo(2357))
                .body("assumptions.horizonMonths", equalTo(12));

        assertThat(recompute().getInt("predicted")).isEqualTo(2357);
        BigDecimal mean = (BigDecimal) TestDatabase.rows("SELECT avg(predicted_clv) AS mean FROM customer_kpi")
                .get(0)
                .get("mean");
        assertThat(mean.doubleValue()).isCloseTo(30.72, within(0.01));
    }

    private static List<Map<String, Object>> cdnowCalibrationAsOrders() {
        LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
        long shift = ChronoUnit.DAYS.between(calibrationEnd, TODAY);
        List<Map<String, Object>> orders = new ArrayList<>();
        try (var in = CustomerKpisTest.class.getResourceAsStream("/cdnow/cdnow_sample.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                LocalDate day = LocalDate.parse(columns[2], DateTimeFormatter.BASIC_ISO_DATE);
                if (day.isAfter(calibrationEnd)) {
                    continue;
                }
                UUID subject = UUID.nameUUIDFromBytes(("cdnow-" + columns[1]).getBytes(StandardCharsets.US_ASCII));
                Instant at = day.plusDays(shift).atStartOfDay().toInstant(ZoneOffset.UTC);
                orders.add(order("CDNOW-" + row++, subject, at, "CD", "music", 1, columns[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orders;
    }

    /**
     * Sales reads every KPI; service where the customer stands (RFM scores and segment) and nothing of revenue, order
     * values, cadence or CLV; each read is in the audit trail, the service agent's as a segment-only read.
     */
    @Test
    void salesReadsEveryKpiAndServiceTheSegmentAlone() {
        UUID subject = UUID.randomUUID();
        Orders.importAll(List.of(bought(subject, 30, "100.00"), bought(subject, 10, "50.00")));
        recompute();
        String audited = "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ? "
                + "AND purpose = 'GET /api/v1/customers/{id}/kpis'";

        JsonPath full = kpis(subject);
        assertThat(full.getDouble("totalRevenue")).isEqualTo(150.0);
        assertThat(full.getString("rfmSegment")).isNotNull();
        assertThat(TestDatabase.count(audited, subject, "kpi.read")).isOne();

        Map<String, Object> segmentOnly = given().auth()
                .oauth2(TestTokens.forRole("service"))
                .when()
                .get("/api/v1/customers/" + subject + "/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(segmentOnly)
                .containsOnlyKeys(
                        "subjectId", "recencyScore", "frequencyScore", "monetaryScore", "rfmSegment", "computedAt")
                .containsEntry("subjectId", subject.toString())
                .containsEntry("rfmSegment", full.getString("rfmSegment"))
                .containsEntry("recencyScore", full.getInt("recencyScore"))
                .containsEntry("monetaryScore", full.getInt("monetaryScore"));
        assertThat(TestDatabase.count(audited, subject, "kpi.read-segment")).isOne();

        // A customer without KPIs is 404 for service as for sales; nothing was read, so nothing is recorded.
        UUID without = UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.forRole("service"))
                .when()
                .get("/api/v1/customers/" + without + "/kpis")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", without))
                .isZero();
    }

    @Test
    void salesAndServiceReadKpisAndOnlyAnalystsAndAdminsRecomputeOrFit() {
        UUID subject = UUID.randomUUID();
        given().when().get("/api/v1/customers/" + subject + "/kpis").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired("service"))
                .when()
                .get("/api/v1/customers/" + subject + "/kpis")
                .then()
                .statusCode(401);
        given().when().post("/api/v1/kpis/recompute").then().statusCode(401);
        given().when().post("/api/v1/clv-model/fit").then().statusCode(401);
        given().when().get("/api/v1/clv-model").then().statusCode(401);
        for (String role : List.of("marketing", "analyst", "admin", "dpo")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get("/api/v1/customers/" + subject + "/kpis")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("sales", "marketing", "service")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .post("/api/v1/kpis/recompute")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .post("/api/v1/clv-model/fit")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("sales", "service", "admin")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get("/api/v1/clv-model")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .when()
                .post("/api/v1/kpis/recompute")
                .then()
                .statusCode(403);
    }
}
