package org.opencdp.behaviour.domain.clv;

/**
 * Predicted customer lifetime value over a horizon, from the fitted purchase model (BG/NBD) and spend model
 * (Gamma-Gamma).
 *
 * <p>The horizon is cut into calendar-average months of 365.25 / 12 days (4.348 weeks). For month k = 1..H:
 *
 * <pre>
 *   CLV = margin * E[spend] * sum over k of (E[Y(k w)] - E[Y((k - 1) w)]) / (1 + d)^(k / 12)
 * </pre>
 *
 * where w is a month in weeks, E[Y(t)] the expected number of transactions in the next t weeks given the customer's
 * history (BG/NBD), E[spend] the expected value per transaction (Gamma-Gamma) and d the yearly discount rate; each
 * month's purchases are discounted as if paid at the month's end. The value is in the currency of the spend data.
 */
public record ClvForecast(BgNbd purchases, GammaGamma spend, ClvAssumptions assumptions) {

    static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    public ClvForecast {
        if (purchases == null || spend == null || assumptions == null) {
            throw new IllegalArgumentException("a CLV forecast needs a purchase model, a spend model and assumptions");
        }
    }

    /** The customer's predicted lifetime value over the horizon, discounted to the end of the observation period. */
    public double predictedValue(PurchaseSummary customer) {
        double yearlyFactor = 1 + assumptions.yearlyDiscountRate();
        double discountedTransactions = 0;
        double before = 0;
        for (int month = 1; month <= assumptions.horizonMonths(); month++) {
            double upToMonthEnd = purchases.expectedTransactions(customer, month * WEEKS_PER_MONTH);
            discountedTransactions += (upToMonthEnd - before) / Math.pow(yearlyFactor, month / 12.0);
            before = upToMonthEnd;
        }
        return assumptions.margin() * spend.expectedAverageSpend(customer) * discountedTransactions;
    }
}
