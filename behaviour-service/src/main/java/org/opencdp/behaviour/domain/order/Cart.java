package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shop's current cart of a subject or of a visitor (exactly one of the two). */
public record Cart(
        UUID id,
        String shop,
        UUID subjectId,
        String visitorId,
        String currency,
        List<OrderLine> lines,
        BigDecimal value,
        Instant updatedAt) {

    /** The value of lines: quantity x unit price, less line discounts. */
    public static BigDecimal valueOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
