package org.opencdp.behaviour.domain.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.TreeMap;

/**
 * What the CLV model needs to know about one customer, measured at the end of an observation period. Times are in
 * weeks (days / 7) since the customer's first purchase; the first purchase itself is not counted, because the model
 * describes repeat buying.
 *
 * @param repeatTransactions x: transactions after the first one
 * @param recencyWeeks t_x: time from the first to the last transaction, 0 when there was no repeat transaction
 * @param ageWeeks T: time from the first purchase to the end of the observation period
 * @param averageRepeatSpend mean value of the repeat transactions, 0 when there was none
 */
public record PurchaseSummary(int repeatTransactions, double recencyWeeks, double ageWeeks, double averageRepeatSpend) {

    public PurchaseSummary {
        if (repeatTransactions < 0) {
            throw new IllegalArgumentException("repeat transactions must not be negative, got " + repeatTransactions);
        }
        requireNonNegative("recency", recencyWeeks);
        requireNonNegative("age", ageWeeks);
        requireNonNegative("average repeat spend", averageRepeatSpend);
        if (recencyWeeks > ageWeeks) {
            throw new IllegalArgumentException("recency (" + recencyWeeks + " weeks) must not exceed age (" + ageWeeks
                    + " weeks): the last purchase cannot lie after the end of the observation period");
        }
        if (repeatTransactions == 0 && (recencyWeeks != 0 || averageRepeatSpend != 0)) {
            throw new IllegalArgumentException(
                    "a customer without repeat transactions has recency 0 and average repeat spend 0");
        }
    }

    /** One purchase: its day and its value. */
    public record Purchase(LocalDate day, double amount) {

        public Purchase {
            if (day == null) {
                throw new IllegalArgumentException("a purchase needs a day");
            }
            requireNonNegative("purchase amount", amount);
        }
    }

    /**
     * Summarises one customer's purchases as of the end of the given day. Purchases on the same day count as one
     * transaction with their summed value: the day is the finest time the model sees, and a basket split into several
     * orders is still one shopping trip. Purchases after {@code observedUntil} are ignored.
     */
    public static PurchaseSummary of(Collection<Purchase> purchases, LocalDate observedUntil) {
        if (observedUntil == null) {
            throw new IllegalArgumentException("a purchase summary needs the end of the observation period");
        }
        TreeMap<LocalDate, Double> spendPerDay = new TreeMap<>();
        for (Purchase purchase : purchases) {
            if (!purchase.day().isAfter(observedUntil)) {
                spendPerDay.merge(purchase.day(), purchase.amount(), Double::sum);
            }
        }
        if (spendPerDay.isEmpty()) {
            throw new IllegalArgumentException("no purchase on or before " + observedUntil);
        }
        LocalDate first = spendPerDay.firstKey();
        int repeatTransactions = spendPerDay.size() - 1;
        double repeatSpend = spendPerDay.tailMap(first, false).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        return new PurchaseSummary(
                repeatTransactions,
                weeksBetween(first, spendPerDay.lastKey()),
                weeksBetween(first, observedUntil),
                repeatTransactions == 0 ? 0 : repeatSpend / repeatTransactions);
    }

    static double weeksBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, got " + value);
        }
    }
}
