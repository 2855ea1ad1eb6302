package org.opencdp.behaviour.domain.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An order as a shop sends it: lines, an order-level discount and coupon, and the total the customer paid
 * (sum of the lines' amounts less the order discount). One currency per order.
 */
public record Order(
        String externalId,
        UUID subjectId,
        Instant orderedAt,
        SalesChannel channel,
        PaymentMethodType paymentMethod,
        String currency,
        List<OrderLine> lines,
        BigDecimal discount,
        String coupon,
        BigDecimal total) {

    public BigDecimal discountOrZero() {
        return discount == null ? BigDecimal.ZERO : discount;
    }

    /**
     * A fingerprint of the content: equal for the same order sent twice, whatever the number notation
     * ({@code 10.5} and {@code 10.50} are the same price) or time zone, different as soon as anything differs.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder()
                .append(externalId)
                .append('|')
                .append(subjectId)
                .append('|')
                .append(orderedAt)
                .append('|')
                .append(channel)
                .append('|')
                .append(paymentMethod)
                .append('|')
                .append(currency)
                .append('|')
                .append(number(discountOrZero()))
                .append('|')
                .append(coupon)
                .append('|')
                .append(number(total));
        for (OrderLine line : lines) {
            canonical
                    .append("|line:")
                    .append(line.sku())
                    .append('|')
                    .append(line.category())
                    .append('|')
                    .append(line.quantity())
                    .append('|')
                    .append(number(line.unitPrice()))
                    .append('|')
                    .append(number(line.discountOrZero()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
