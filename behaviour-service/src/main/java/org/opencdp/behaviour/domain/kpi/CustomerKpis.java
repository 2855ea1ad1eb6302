package org.opencdp.behaviour.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One customer's KPIs as last recomputed. Money in the reporting currency. */
public record CustomerKpis(
        UUID subjectId,
        String currency,
        BigDecimal totalRevenue,
        int orderCount,
        BigDecimal averageOrderValue,
        Instant firstPurchase,
        Instant lastPurchase,
        int purchaseDays,
        BigDecimal meanDaysBetweenPurchases,
        BigDecimal medianDaysBetweenPurchases,
        LocalDate nextExpectedPurchase,
        int recencyScore,
        int frequencyScore,
        int monetaryScore,
        String rfmSegment,
        BigDecimal historicalClv,
        BigDecimal predictedClv,
        Double probabilityAlive,
        Instant computedAt,
        List<RevenueMonth> revenuePerMonth) {

    /** Revenue in one calendar month (UTC) and the orders it came from. */
    public record RevenueMonth(String month, BigDecimal revenue, int orders) {}
}
