package org.opencdp.behaviour.domain.clv;

/**
 * The business assumptions of a predicted customer lifetime value, as opposed to what the models learn from data.
 *
 * @param horizonMonths how many months ahead the value is counted
 * @param yearlyDiscountRate how much less a euro is worth a year later (0.10 = 10 % per year)
 * @param margin share of revenue that is profit (1.0 = count revenue, not profit)
 */
public record ClvAssumptions(int horizonMonths, double yearlyDiscountRate, double margin) {

    /** 12 months, 10 % per year, margin 100 %: predicted CLV is then discounted revenue over the next year. */
    public static final ClvAssumptions DEFAULTS = new ClvAssumptions(12, 0.10, 1.0);

    /** Ten years: beyond that no purchase-history model says anything useful. */
    static final int MAX_HORIZON_MONTHS = 120;

    public ClvAssumptions {
        if (horizonMonths < 1 || horizonMonths > MAX_HORIZON_MONTHS) {
            throw new IllegalArgumentException(
                    "the CLV horizon must be 1 to " + MAX_HORIZON_MONTHS + " months, got " + horizonMonths);
        }
        if (!(yearlyDiscountRate >= 0 && yearlyDiscountRate <= 1)) {
            throw new IllegalArgumentException(
                    "the yearly discount rate must be between 0 and 1 (0 % to 100 %), got " + yearlyDiscountRate);
        }
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException(
                    "the margin must be greater than 0 and at most 1 (100 %), got " + margin);
        }
    }
}
