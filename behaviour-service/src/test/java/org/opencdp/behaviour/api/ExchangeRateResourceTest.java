package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.opencdp.behaviour.api.CustomerKpisTest.kpis;
import static org.opencdp.behaviour.api.CustomerKpisTest.recompute;

import java.time.Instant;
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
import io.restassured.response.ValidatableResponse;

/**
 * Orders in a currency other than the reporting currency (EUR in tests): kept as sent, counted at the rate of their
 * order date; refused when their date has no rate. Francs here: 1.0625 EUR from 2026-01-01, 1.05 from 2026-03-01.
 */
@QuarkusTest
@WithPostgres
class ExchangeRateResourceTest {

    private static final String RATES = "/api/v1/exchange-rates";

    @BeforeEach
    void francRates() {
        putRate("CHF", "2026-01-01", "1.0625").statusCode(200);
        putRate("CHF", "2026-03-01", "1.05").statusCode(200);
    }

    @Test
    void ordersInFrancsAreKeptInFrancsAndCountInEurosAtTheRateOfTheirDate() {
        UUID subject = UUID.randomUUID();
        Orders.importAll(List.of(
                Orders.order("FX-" + UUID.randomUUID(), subject, at("2026-02-10"), "SKU-1", "coffee", 1, "100.00"),
                inFrancs(Orders.order("FX-" + UUID.randomUUID(), subject, at("2026-02-15"), "SKU-2", "tea", 2, "100")),
                inFrancs(
                        Orders.order("FX-" + UUID.randomUUID(), subject, at("2026-03-05"), "SKU-3", "cups", 1, "80"))));
        recompute();
        JsonPath kpis = kpis(subject);
        // 100.00 + 200 x 1.0625 + 80 x 1.05 = 100.00 + 212.50 + 84.00
        assertThat(kpis.getString("currency")).isEqualTo("EUR");
        assertThat(kpis.getDouble("totalRevenue")).isEqualTo(396.50);
        assertThat(kpis.getInt("orderCount")).isEqualTo(3);
        assertThat(kpis.getDouble("averageOrderValue")).isEqualTo(132.17);
        assertThat(kpis.getList("revenuePerMonth.revenue", Float.class)).containsExactly(312.50f, 84.00f);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM customer_order WHERE subject_id = ? AND currency = 'CHF'"
                                + " AND total IN (200, 80)",
                        subject))
                .isEqualTo(2);

        // A corrected March rate recounts the March order.
        putRate("CHF", "2026-03-01", "1.10").statusCode(200).body("ordersRecounted", equalTo(1));
        recompute();
        assertThat(kpis(subject).getDouble("totalRevenue")).isEqualTo(400.50);
    }

    @Test
    void anOrderWhoseDateHasNoRateIsRefusedAndNothingIsStored() {
        String externalId = "FX-" + UUID.randomUUID();
        Map<String, Object> beforeTheFirstRate =
                inFrancs(Orders.order(externalId, UUID.randomUUID(), at("2025-12-31"), "SKU-1", "tea", 1, "10"));
        Orders.send(beforeTheFirstRate)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("currency"))
                .body(
                        "errors.message",
                        hasItem(containsString("no exchange rate into EUR for the order date 2025-12-31")));
        Map<String, Object> noRateAtAll =
                Orders.order("FX-" + UUID.randomUUID(), UUID.randomUUID(), at("2026-02-10"), "SKU-1", "tea", 1, "10");
        noRateAtAll.put("currency", "SEK");
        Orders.send(noRateAtAll).then().statusCode(400).body("errors.field", hasItem("currency"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM customer_order WHERE external_id IN (?, ?)",
                        externalId,
                        noRateAtAll.get("externalId")))
                .isZero();
    }

    @Test
    void reportsCountFrancOrdersInEuros() {
        TestDatabase.execute("DELETE FROM customer_order");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID customer = UUID.randomUUID();
            orders.add(inFrancs(
                    Orders.order("FXR-" + UUID.randomUUID(), customer, at("2026-02-10"), "C-1", "coffee", 1, "100")));
            orders.add(Orders.order("FXR-" + UUID.randomUUID(), customer, at("2026-02-11"), "T-1", "tea", 1, "10"));
        }
        Orders.importAll(orders);
        JsonPath report = given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/revenue-per-month")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // 5 x 100 x 1.0625 + 5 x 10
        assertThat(report.getDouble("rows.find { it.month == '2026-02' }.revenue"))
                .isEqualTo(581.25);
        assertThat(report.getInt("rows.find { it.month == '2026-02' }.orders")).isEqualTo(10);
        JsonPath categories = given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/revenue-per-category")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(categories.getDouble("rows.find { it.category == 'coffee' }.revenue"))
                .isEqualTo(531.25);
    }

    @Test
    void theRatesAreListedForAdminsAndAnalysts() {
        for (String role : List.of("admin", "analyst")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(RATES)
                    .then()
                    .statusCode(200)
                    .body("reportingCurrency", equalTo("EUR"))
                    .body("rates.find { it.currency == 'CHF' && it.validFrom == '2026-01-01' }.rate", equalTo(1.0625f));
        }
    }

    @Test
    void badRatesAreRefusedWithAProblem() {
        putRate("CHF", "2026-01-01", "0").statusCode(400).body("errors.field", hasItem("rate"));
        putRate("CHF", "2026-01-01", "-1").statusCode(400).body("errors.field", hasItem("rate"));
        putRate("CHF", "2026-01-01", "1.00000000001").statusCode(400).body("errors.field", hasItem("rate"));
        putRate("EUR", "2026-01-01", "1").statusCode(400).body("errors.field", hasItem("currency"));
        putRate("XXY", "2026-01-01", "1").statusCode(400).body("errors.field", hasItem("currency"));
        putRate("CHF", "2026-13-01", "1").statusCode(400).body("errors.field", hasItem("validFrom"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put(RATES + "/CHF/2026-01-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM exchange_rate WHERE currency IN ('EUR', 'XXY')"))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM exchange_rate WHERE currency = 'CHF' AND rate = 1.0625"))
                .isEqualTo(1);
    }

    @Test
    void onlyAdminsSetRatesAndOnlyAdminsAndAnalystsReadThem() {
        given().when().get(RATES).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("rate", 1))
                .when()
                .put(RATES + "/CHF/2026-01-01")
                .then()
                .statusCode(401);
        for (String token : List.of(TestTokens.forRole("sales"), TestTokens.shop(Orders.SHOP))) {
            given().auth().oauth2(token).when().get(RATES).then().statusCode(403);
        }
        for (String token :
                List.of(TestTokens.forRole("analyst"), TestTokens.forRole("sales"), TestTokens.shop(Orders.SHOP))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("rate", 2))
                    .when()
                    .put(RATES + "/CHF/2026-01-01")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    private static ValidatableResponse putRate(String currency, String validFrom, String rate) {
        return given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"rate\":" + rate + "}")
                .when()
                .put(RATES + "/" + currency + "/" + validFrom)
                .then();
    }

    private static Map<String, Object> inFrancs(Map<String, Object> order) {
        order.put("currency", "CHF");
        return order;
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }
}
