package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Orders as a shop sends them, for the tests of this service. */
public final class Orders {

    public static final String SHOP = "shop-backend";

    private Orders() {}

    /** An order of one line: quantity x unit price, no discounts. */
    public static Map<String, Object> order(
            String externalId, UUID subject, Instant at, String sku, String category, int quantity, String price) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("externalId", externalId);
        order.put("subjectId", subject.toString());
        order.put("orderedAt", at.toString());
        order.put("channel", "WEB");
        order.put("paymentMethod", "PAYPAL");
        order.put("currency", "EUR");
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(sku, category, quantity, price, "0"));
        order.put("lines", lines);
        order.put("total", new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(quantity)));
        return order;
    }

    public static Map<String, Object> line(String sku, String category, int quantity, String price, String discount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("category", category);
        line.put("quantity", quantity);
        line.put("unitPrice", new java.math.BigDecimal(price));
        line.put("discount", new java.math.BigDecimal(discount));
        return line;
    }

    public static Response send(Object order) {
        return given().auth()
                .oauth2(TestTokens.shop(SHOP))
                .contentType(ContentType.JSON)
                .body(order)
                .when()
                .post("/api/v1/orders");
    }

    /** Imports the orders in one bulk call and fails unless every row was stored now or before. */
    public static void importAll(List<Map<String, Object>> orders) {
        given().auth()
                .oauth2(TestTokens.shop(SHOP))
                .contentType(ContentType.JSON)
                .body(orders)
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(0));
    }
}
