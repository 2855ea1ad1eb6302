package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.opencdp.behaviour.api.Orders.line;
import static org.opencdp.behaviour.api.Orders.order;
import static org.opencdp.behaviour.api.Orders.send;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithPostgres
class OrderResourceTest {

    private static final Instant YESTERDAY =
            Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static String id() {
        return "SO-" + UUID.randomUUID();
    }

    private static long stored(String externalId) {
        return TestDatabase.count("SELECT count(*) FROM customer_order WHERE external_id = ?", externalId);
    }

    @Test
    void anOrderIsStoredWithItsLinesAndDiscounts() {
        String externalId = id();
        Map<String, Object> order = order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 2, "12.90");
        ((List<Object>) order.get("lines")).add(line("SKU-2", "machines", 1, "34.00", "1.00"));
        order.put("discount", new BigDecimal("5.00"));
        order.put("coupon", "WINTER5");
        order.put("total", new BigDecimal("53.80"));
        send(order)
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("externalId", equalTo(externalId))
                .body("lines.size()", equalTo(2))
                .body("netRevenue", equalTo(53.80f))
                .body("coupon", equalTo("WINTER5"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                                + " WHERE o.external_id = ?",
                        externalId))
                .isEqualTo(2);
    }

    @Test
    void theSameOrderSentAgainAnswersTheStoredOneAndADifferentOneUnderTheSameIdIsAConflict() {
        String externalId = id();
        Map<String, Object> order = order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 2, "12.90");
        String first = send(order).then().statusCode(201).extract().path("id");
        // Same content in another notation: 25.8 and 25.80 are the same amount.
        order.put("total", new BigDecimal("25.8"));
        send(order).then().statusCode(200).body("id", equalTo(first));

        order.put("channel", "APP");
        send(order)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(externalId));
        assertThat(TestDatabase.rows("SELECT channel FROM customer_order WHERE external_id = ?", externalId))
                .singleElement()
                .extracting(r -> r.get("channel"))
                .isEqualTo("WEB");
    }

    @Test
    void badOrdersAreRefusedWithAProblemAndNothingIsStored() {
        assertRefused(
                o -> ((Map<String, Object>) ((List<?>) o.get("lines")).get(0)).put("quantity", -2),
                "lines[0].quantity");
        assertRefused(
                o -> {
                    ((Map<String, Object>) ((List<?>) o.get("lines")).get(0)).put("unitPrice", new BigDecimal("-1.00"));
                    o.put("total", new BigDecimal("-2.00"));
                },
                "lines[0].unitPrice");
        assertRefused(o -> o.put("currency", "EUX"), "currency");
        assertRefused(o -> o.put("currency", "USD"), "currency");
        assertRefused(o -> o.put("total", new BigDecimal("25.81")), "total");
        assertRefused(
                o -> o.put("orderedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()), "orderedAt");
        assertRefused(o -> o.remove("lines"), "lines");
        assertRefused(o -> o.remove("subjectId"), "subjectId");
    }

    private static void assertRefused(Consumer<Map<String, Object>> spoil, String field) {
        String externalId = id();
        Map<String, Object> order = order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 2, "12.90");
        spoil.accept(order);
        send(order)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(stored(externalId)).as(field).isZero();
    }

    @Test
    void aMalformedOrderIsA400Problem() {
        send("{\"externalId\": \"x\", \"channel\": \"TELEPATHY\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBulkImportStoresTheGoodRowsAndRejectsTheBadOnesEachWithItsReason() {
        UUID subject = UUID.randomUUID();
        String good = id();
        String known = id();
        String conflicting = id();
        send(order(known, subject, YESTERDAY, "SKU-1", "coffee", 1, "5.00"))
                .then()
                .statusCode(201);
        send(order(conflicting, subject, YESTERDAY, "SKU-1", "coffee", 1, "5.00"))
                .then()
                .statusCode(201);
        Map<String, Object> negative = order(id(), subject, YESTERDAY, "SKU-1", "coffee", -1, "5.00");
        List<Object> rows = List.of(
                order(good, subject, YESTERDAY, "SKU-1", "coffee", 3, "5.00"),
                negative,
                order(known, subject, YESTERDAY, "SKU-1", "coffee", 1, "5.00"),
                order(conflicting, subject, YESTERDAY, "SKU-1", "coffee", 2, "5.00"),
                "not an order");

        given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .contentType(ContentType.JSON)
                .body(rows)
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(200)
                .body("received", equalTo(5))
                .body("created", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("rejected", equalTo(3))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.errors.field", hasItem("lines[0].quantity"))
                .body("results[2].outcome", equalTo("UNCHANGED"))
                .body("results[3].problem.status", equalTo(409))
                .body("results[4].problem.errors[0].field", equalTo("row"));
        assertThat(stored(good)).isOne();
        assertThat(stored((String) negative.get("externalId"))).isZero();
        assertThat(TestDatabase.rows("SELECT total FROM customer_order WHERE external_id = ?", conflicting))
                .singleElement()
                .satisfies(r -> assertThat((BigDecimal) r.get("total")).isEqualByComparingTo("5.00"));
    }

    @Test
    void thousandsOfOrdersArriveAsNdjsonInOneCall() {
        UUID subject = UUID.randomUUID();
        String prefix = "ND-" + UUID.randomUUID() + "-";
        String body = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> json(order(prefix + i, subject, YESTERDAY, "SKU-" + (i % 7), "tea", 1, "3.50")))
                .collect(Collectors.joining("\n"));
        given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .contentType("application/x-ndjson")
                .body((body + "\n{broken\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(200)
                .body("created", equalTo(2_000))
                .body("rejected", equalTo(1))
                .body("results[2000].problem.errors[0].field", equalTo("row"));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_order WHERE external_id LIKE ?", prefix + "%"))
                .isEqualTo(2_000);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEmptyOrOversizedBulkIsA400() {
        bulk(List.of()).then().statusCode(400).contentType("application/problem+json");
        bulk("{\"not\":\"an array\"}").then().statusCode(400).contentType("application/problem+json");
    }

    private static Response bulk(Object body) {
        return given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders/bulk");
    }

    @Test
    void returnsAndACancellationReduceTheRevenueAndAreIdempotent() {
        String externalId = id();
        send(order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 4, "10.00"))
                .then()
                .statusCode(201);
        Map<String, Object> ret =
                Map.of("returnId", "R-1", "returnedAt", Instant.now().toString(), "amount", 10);
        adjust(externalId, "returns", ret).then().statusCode(200).body("netRevenue", equalTo(30.0f));
        adjust(externalId, "returns", ret).then().statusCode(200).body("netRevenue", equalTo(30.0f));
        adjust(
                        externalId,
                        "returns",
                        Map.of("returnId", "R-1", "returnedAt", Instant.now().toString(), "amount", 5))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        adjust(
                        externalId,
                        "returns",
                        Map.of("returnId", "R-2", "returnedAt", Instant.now().toString(), "amount", 31))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amount"));
        adjust(
                        externalId,
                        "returns",
                        Map.of("returnId", "R-3", "returnedAt", Instant.now().toString(), "amount", -1))
                .then()
                .statusCode(400);

        Map<String, Object> cancel = Map.of("cancelledAt", Instant.now().toString());
        adjust(externalId, "cancellation", cancel)
                .then()
                .statusCode(200)
                .body("netRevenue", equalTo(0))
                .body("cancelledAt", notNullValue())
                .body("adjustments.kind", hasItem("CANCELLATION"));
        adjust(externalId, "cancellation", cancel).then().statusCode(200);
        adjust("SO-unknown", "cancellation", cancel).then().statusCode(404);
        adjust(
                        externalId,
                        "returns",
                        Map.of("returnId", "R-4", "returnedAt", Instant.now().toString(), "amount", 1))
                .then()
                .statusCode(409);
    }

    private static Response adjust(String externalId, String what, Object body) {
        return given().auth()
                .oauth2(TestTokens.shop(Orders.SHOP))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders/" + externalId + "/" + what);
    }

    @Test
    void anotherShopDoesNotSeeOrCollideWithTheFirstShopsOrders() {
        String externalId = id();
        send(order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 1, "1.00"))
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.shop("other-shop"))
                .contentType(ContentType.JSON)
                .body(Map.of("cancelledAt", Instant.now().toString()))
                .when()
                .post("/api/v1/orders/" + externalId + "/cancellation")
                .then()
                .statusCode(404);
    }

    @Test
    void salesReadsACustomersOrdersPageByPage() {
        UUID subject = UUID.randomUUID();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(order(id(), subject, YESTERDAY.minus(i, ChronoUnit.DAYS), "SKU-1", "coffee", 1, "1.00"));
        }
        Orders.importAll(orders);
        String next = given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .queryParam("size", 2)
                .when()
                .get("/api/v1/customers/" + subject + "/orders")
                .then()
                .statusCode(200)
                .body("orders.size()", equalTo(2))
                .body("orders[0].externalId", equalTo(orders.get(0).get("externalId")))
                .extract()
                .path("next");
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .queryParam("size", 2)
                .queryParam("cursor", next)
                .when()
                .get("/api/v1/customers/" + subject + "/orders")
                .then()
                .statusCode(200)
                .body("orders.size()", equalTo(1))
                .body("orders[0].externalId", equalTo(orders.get(2).get("externalId")));
    }

    @Test
    void onlyShopsImportAndOnlySalesReadsOrders() {
        String externalId = id();
        Map<String, Object> order = order(externalId, UUID.randomUUID(), YESTERDAY, "SKU-1", "coffee", 1, "1.00");
        given().contentType(ContentType.JSON)
                .body(order)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(List.of(order))
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/orders/x/returns")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/orders/x/cancellation")
                .then()
                .statusCode(401);
        given().when()
                .get("/api/v1/customers/" + UUID.randomUUID() + "/orders")
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("marketing"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("profile-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(order)
                    .when()
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(List.of(order))
                    .when()
                    .post("/api/v1/orders/bulk")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .when()
                    .post("/api/v1/orders/x/returns")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .when()
                    .post("/api/v1/orders/x/cancellation")
                    .then()
                    .statusCode(403);
        }
        for (String token : List.of(
                TestTokens.forRole("marketing"),
                TestTokens.forRole("analyst"),
                TestTokens.forRole("service"),
                TestTokens.shop(Orders.SHOP))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/customers/" + UUID.randomUUID() + "/orders")
                    .then()
                    .statusCode(403);
        }
        assertThat(stored(externalId)).isZero();
    }
}
