package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.behaviour.domain.order.Order;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.behaviour.domain.order.PaymentMethodType;
import org.opencdp.behaviour.domain.order.SalesChannel;

/** An order as a shop sends it. The rules (sums, currency, dates) are checked by the service, row by row. */
@Schema(name = "OrderInput")
public record OrderInput(
        @Schema(description = "The shop's own order id; resending it is harmless", examples = "SO-2026-000123")
        String externalId,

        @Schema(description = "The customer (profile-service id)", examples = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c")
        UUID subjectId,

        @Schema(description = "When the order was placed; not in the future", examples = "2026-11-20T14:03:00+01:00")
        OffsetDateTime orderedAt,

        SalesChannel channel,
        PaymentMethodType paymentMethod,

        @Schema(
                description = "ISO 4217: the reporting currency, or one with an exchange rate for the order date "
                        + "(GET /api/v1/exchange-rates)",
                examples = "EUR")
        String currency,

        List<LineInput> lines,

        @Schema(description = "Discount on the whole order (not on a line)", examples = "5.00")
        BigDecimal discount,

        @Schema(examples = "WINTER5") String coupon,

        @Schema(description = "What the customer pays: the lines less the order discount", examples = "54.80")
        BigDecimal total) {

    @Schema(name = "OrderLineInput")
    public record LineInput(
            @Schema(examples = "SKU-4711") String sku,
            @Schema(examples = "coffee") String category,
            @Schema(examples = "2") Integer quantity,
            @Schema(examples = "12.90") BigDecimal unitPrice,

            @Schema(description = "Discount on the line, 0 when absent", examples = "0")
            BigDecimal discount) {

        OrderLine toLine() {
            return new OrderLine(sku, category, quantity, unitPrice, discount);
        }
    }

    public Order toOrder() {
        return new Order(
                externalId,
                subjectId,
                orderedAt == null ? null : orderedAt.toInstant(),
                channel,
                paymentMethod,
                currency,
                lines == null
                        ? null
                        : lines.stream().map(l -> l == null ? null : l.toLine()).toList(),
                discount,
                coupon,
                total);
    }
}
