package org.opencdp.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders and cart lines as the shop reports them to behaviour-service: an order of one line of one item, bought on the
 * web, paid with PayPal in euros, under an external id of its own.
 */
final class Orders {

    private Orders() {}

    /** An order of one item of {@code category} at {@code price}, placed by {@code subject} at {@code at}. */
    static Map<String, Object> order(String subject, Instant at, String category, String price) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("externalId", "E2E-" + UUID.randomUUID());
        order.put("subjectId", subject);
        order.put("orderedAt", at.toString());
        order.put("channel", "WEB");
        order.put("paymentMethod", "PAYPAL");
        order.put("currency", "EUR");
        order.put("lines", List.of(line(category, price)));
        order.put("total", new BigDecimal(price));
        return order;
    }

    /** A line of one item of {@code category} at {@code price} (its SKU: the category's first). */
    static Map<String, Object> line(String category, String price) {
        return Map.of("sku", category + "-1", "category", category, "quantity", 1, "unitPrice", new BigDecimal(price));
    }
}
