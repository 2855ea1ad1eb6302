package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

@QuarkusTest
@WithPostgres
class ReportResourceTest {

    private static final LocalDate FIRST =
            LocalDate.now(ZoneOffset.UTC).minusMonths(3).withDayOfMonth(10);
    private static final LocalDate SECOND = FIRST.plusMonths(1);

    private static Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * Six customers buy coffee for 10.00 in the first month; two of them buy tea for 4.00 in the second month.
     */
    @BeforeEach
    void orderBook() {
        TestDatabase.execute("DELETE FROM customer_order");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID customer = UUID.randomUUID();
            orders.add(Orders.order("RP-" + UUID.randomUUID(), customer, at(FIRST), "C-1", "coffee", 1, "10.00"));
            if (i < 2) {
                orders.add(Orders.order("RP-" + UUID.randomUUID(), customer, at(SECOND), "T-1", "tea", 2, "2.00"));
            }
        }
        Orders.importAll(orders);
    }

    @Test
    void revenuePerMonthSuppressesAMonthOfFewerThanFiveCustomers() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/revenue-per-month")
                .then()
                .statusCode(200)
                .body("minCustomers", equalTo(5))
                .body("rows.size()", equalTo(2))
                .body("rows[0].month", equalTo(FIRST.toString().substring(0, 7)))
                .body("rows[0].revenue", equalTo(60.0f))
                .body("rows[0].orders", equalTo(6))
                .body("rows[0].customers", equalTo(6))
                .body("rows[0].suppressed", equalTo(false))
                .body("rows[1].month", equalTo(SECOND.toString().substring(0, 7)))
                .body("rows[1].revenue", nullValue())
                .body("rows[1].customers", nullValue())
                .body("rows[1].suppressed", equalTo(true));
    }

    @Test
    void revenuePerCategoryAsCsv() {
        String csv = given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .accept("text/csv")
                .when()
                .get("/api/v1/reports/revenue-per-category")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "category,revenue,orders,customers,suppressed", "coffee,60.00,6,6,false", "tea,,,,true");
    }

    @Test
    void cohortRetentionCountsTheFirstMonthsCustomersWhoCameBack() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/cohort-retention")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(2))
                .body("rows[0].cohort", equalTo(FIRST.toString().substring(0, 7)))
                .body("rows[0].monthsAfter", equalTo(0))
                .body("rows[0].cohortSize", equalTo(6))
                .body("rows[0].customers", equalTo(6))
                .body("rows[0].retention", equalTo(1.0f))
                .body("rows[1].monthsAfter", equalTo(1))
                .body("rows[1].suppressed", equalTo(true))
                .body("rows[1].retention", nullValue());
    }

    @Test
    void revenuePerSegmentUsesTheLastRecompute() {
        CustomerKpisTest.recompute();
        List<Map<String, Object>> rows = given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/revenue-per-segment")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("segment")).isNotNull();
            if (Boolean.FALSE.equals(row.get("suppressed"))) {
                assertThat(((Number) row.get("customers")).intValue()).isGreaterThanOrEqualTo(5);
            } else {
                assertThat(row.get("revenue")).isNull();
            }
        });
    }

    @Test
    void anUnknownReportIsA404() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/reports/everyone-by-name")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAnalystsAndMarketingReadReports() {
        given().when().get("/api/v1/reports/revenue-per-month").then().statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("service"),
                TestTokens.forRole("admin"),
                TestTokens.shop(Orders.SHOP))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/reports/revenue-per-month")
                    .then()
                    .statusCode(403);
        }
    }
}
