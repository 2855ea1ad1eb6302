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

    /**
     * Where the customer stands, the RFM scores and segment: what a reader sees who may not see revenue, as
     * behaviour-service itself answers a service agent.
     */
    public PurchaseKpis segmentOnly() {
        return new PurchaseKpis(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                recencyScore,
                frequencyScore,
                monetaryScore,
                rfmSegment,
                null,
                null,
                null,
                computedAt);
    }
}
