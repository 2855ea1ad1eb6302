package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.behaviour.domain.kpi.CustomerKpis;
import org.opencdp.behaviour.domain.kpi.KpiAccess;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One customer's KPIs as the caller's role may see them. Fields the caller may not see are absent, not null: sales
 * sees everything; service where the customer stands (the RFM scores and segment), no revenue, order values or CLV.
 */
@Schema(
        name = "CustomerKpis",
        description = "Sales sees every field; service only subjectId, the RFM scores, rfmSegment and computedAt")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerKpisView(
        UUID subjectId,
        @Schema(examples = "EUR") String currency,
        BigDecimal totalRevenue,
        Integer orderCount,
        BigDecimal averageOrderValue,
        Instant firstPurchase,
        Instant lastPurchase,
        Integer purchaseDays,
        BigDecimal meanDaysBetweenPurchases,
        BigDecimal medianDaysBetweenPurchases,
        LocalDate nextExpectedPurchase,

        @Schema(description = "1-5, quintile over all customers with orders")
        Integer recencyScore,

        @Schema(description = "1-5, quintile over all customers with orders")
        Integer frequencyScore,

        @Schema(description = "1-5, quintile over all customers with orders")
        Integer monetaryScore,

        @Schema(examples = "loyal") String rfmSegment,
        BigDecimal historicalClv,
        BigDecimal predictedClv,
        Double probabilityAlive,
        Instant computedAt,
        List<CustomerKpis.RevenueMonth> revenuePerMonth) {

    static CustomerKpisView of(CustomerKpis k, KpiAccess reader) {
        if (reader == KpiAccess.SEGMENT) {
            return new CustomerKpisView(
                    k.subjectId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    k.recencyScore(),
                    k.frequencyScore(),
                    k.monetaryScore(),
                    k.rfmSegment(),
                    null,
                    null,
                    null,
                    k.computedAt(),
                    null);
        }
        return new CustomerKpisView(
                k.subjectId(),
                k.currency(),
                k.totalRevenue(),
                k.orderCount(),
                k.averageOrderValue(),
                k.firstPurchase(),
                k.lastPurchase(),
                k.purchaseDays(),
                k.meanDaysBetweenPurchases(),
                k.medianDaysBetweenPurchases(),
                k.nextExpectedPurchase(),
                k.recencyScore(),
                k.frequencyScore(),
                k.monetaryScore(),
                k.rfmSegment(),
                k.historicalClv(),
                k.predictedClv(),
                k.probabilityAlive(),
                k.computedAt(),
                k.revenuePerMonth());
    }
}
