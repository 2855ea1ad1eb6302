package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.behaviour.domain.order.Adjustment;
import org.opencdp.behaviour.domain.order.Order;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.behaviour.domain.order.PaymentMethodType;
import org.opencdp.behaviour.domain.order.SalesChannel;
import org.opencdp.behaviour.domain.order.StoredOrder;

/** An order as stored, with its returns and cancellation and the revenue that remains. */
@Schema(name = "Order")
public record OrderView(
        UUID id,
        String externalId,
        UUID subjectId,
        Instant orderedAt,
        SalesChannel channel,
        PaymentMethodType paymentMethod,
        String currency,
        List<OrderLine> lines,
        BigDecimal discount,
        String coupon,
        BigDecimal total,
        @Schema(description = "Refunded by returns") BigDecimal returned,
        Instant cancelledAt,

        @Schema(description = "What counts as revenue: total less returns, 0 when cancelled")
        BigDecimal netRevenue,

        List<Adjustment> adjustments) {

    static OrderView of(StoredOrder stored) {
        Order o = stored.order();
        return new OrderView(
                stored.id(),
                o.externalId(),
                o.subjectId(),
                o.orderedAt(),
                o.channel(),
                o.paymentMethod(),
                o.currency(),
                o.lines(),
                o.discountOrZero(),
                o.coupon(),
                o.total(),
                stored.returned(),
                stored.cancelledAt(),
                stored.netRevenue(),
                stored.adjustments());
    }
}
