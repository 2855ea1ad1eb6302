package org.opencdp.profile.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * behaviour-service's KPIs of one customer as the 360° view shows them (behaviour-service's README explains each).
 * Money in behaviour-service's reporting currency.
 */
public record PurchaseKpis(
        String currency,
        BigDecimal totalRevenue,
        Integer orderCount,
        BigDecimal averageOrderValue,
        Instant firstPurchase,
        Instant lastPurchase,
        LocalDate nextExpectedPurchase,
        Integer recencyScore,
        Integer frequencyScore,
        Integer monetaryScore,
        String rfmSegment,
        BigDecimal historicalClv,
        BigDecimal predictedClv,
        Double probabilityAlive,
        Instant computedAt) {

    /** The segment alone: what a reader sees who may not see revenue. */
    public PurchaseKpis segmentOnly() {
        return new PurchaseKpis(
                null, null, null, null, null, null, null, null, null, null, rfmSegment, null, null, null, computedAt);
    }
}
