package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shop's current cart of a subject or of a visitor (exactly one of the two), in the currency the shop sent, with the
 * rate into the reporting currency of the day of its last change (1 in the reporting currency).
 */
public record Cart(
        UUID id,
        String shop,
        UUID subjectId,
        String visitorId,
        String currency,
        List<OrderLine> lines,
        BigDecimal value,
        BigDecimal reportingRate,
        Instant updatedAt) {

    /** The value in the reporting currency, to the cent. */
    public BigDecimal reportingValue() {
        return value.multiply(reportingRate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The value of lines: quantity x unit price, less line discounts. */
    public static BigDecimal valueOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
