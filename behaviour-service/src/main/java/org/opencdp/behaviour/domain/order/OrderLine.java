package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;

/** One line of an order: a quantity of one product at a unit price, less a discount on the line. */
public record OrderLine(String sku, String category, Integer quantity, BigDecimal unitPrice, BigDecimal discount) {

    /** quantity x unit price - discount; only meaningful for a line without violations. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(discountOrZero());
    }

    public BigDecimal discountOrZero() {
        return discount == null ? BigDecimal.ZERO : discount;
    }
}
