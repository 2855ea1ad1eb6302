package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as stored: what the shop sent, with the returns and cancellation recorded on it since. */
public record StoredOrder(
        UUID id,
        String shop,
        Order order,
        BigDecimal returned,
        Instant cancelledAt,
        Instant importedAt,
        List<Adjustment> adjustments) {

    /** What the order brings in: nothing once cancelled, otherwise the total less what was refunded. */
    public BigDecimal netRevenue() {
        return cancelledAt != null ? BigDecimal.ZERO : order.total().subtract(returned);
    }
}
