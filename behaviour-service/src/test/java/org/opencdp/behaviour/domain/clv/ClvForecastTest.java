package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClvForecastTest {

    private static final BgNbd PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);
    private static final PurchaseSummary REGULAR = new PurchaseSummary(4, 35, 38.86, 42.5);

    @Test
    void withoutDiscountingItIsExpectedPurchasesTimesExpectedSpend() {
        double clv = new ClvForecast(PURCHASES, SPEND, new ClvAssumptions(12, 0, 1)).predictedValue(REGULAR);
        double year = 12 * ClvForecast.WEEKS_PER_MONTH;
        assertThat(year).isCloseTo(365.25 / 7, within(1e-12));
        assertThat(clv)
                .isCloseTo(
                        PURCHASES.expectedTransactions(REGULAR, year) * SPEND.expectedAverageSpend(REGULAR),
                        within(1e-9));
    }

    @Test
    void eachMonthIsDiscountedAtItsEnd() {
        double clv = new ClvForecast(PURCHASES, SPEND, new ClvAssumptions(2, 0.10, 1)).predictedValue(REGULAR);
        double w = ClvForecast.WEEKS_PER_MONTH;
        double first = PURCHASES.expectedTransactions(REGULAR, w);
        double second = PURCHASES.expectedTransactions(REGULAR, 2 * w) - first;
        double expected = SPEND.expectedAverageSpend(REGULAR)
                * (first / Math.pow(1.1, 1 / 12.0) + second / Math.pow(1.1, 2 / 12.0));
        assertThat(clv).isCloseTo(expected, within(1e-9));
    }

    @Test
    void defaultsAreAYearAtTenPercentOnRevenue() {
        assertThat(ClvAssumptions.DEFAULTS).isEqualTo(new ClvAssumptions(12, 0.10, 1.0));
        double undiscounted = new ClvForecast(PURCHASES, SPEND, new ClvAssumptions(12, 0, 1)).predictedValue(REGULAR);
        double clv = new ClvForecast(PURCHASES, SPEND, ClvAssumptions.DEFAULTS).predictedValue(REGULAR);
        // Purchases spread over the year are discounted by a bit under half of the 10 %.
        assertThat(clv / undiscounted).isBetween(1 / 1.1, 1 / Math.pow(1.1, 1 / 12.0));
    }

    @Test
    void marginScalesAndLongerHorizonsAddValue() {
        double revenue = new ClvForecast(PURCHASES, SPEND, ClvAssumptions.DEFAULTS).predictedValue(REGULAR);
        double profit = new ClvForecast(PURCHASES, SPEND, new ClvAssumptions(12, 0.10, 0.3)).predictedValue(REGULAR);
        double twoYears = new ClvForecast(PURCHASES, SPEND, new ClvAssumptions(24, 0.10, 1)).predictedValue(REGULAR);
        assertThat(profit).isCloseTo(0.3 * revenue, within(1e-9));
        assertThat(twoYears).isGreaterThan(revenue);
    }

    @Test
    void lapsedCustomersAreWorthLessThanActiveOnes() {
        ClvForecast forecast = new ClvForecast(PURCHASES, SPEND, ClvAssumptions.DEFAULTS);
        double active = forecast.predictedValue(new PurchaseSummary(4, 38, 38.86, 42.5));
        double lapsed = forecast.predictedValue(new PurchaseSummary(4, 8, 38.86, 42.5));
        assertThat(lapsed).isPositive().isLessThan(active / 5);
    }

    /**
     * Revenue over the CDNOW holdout (39 weeks) predicted with both fitted models, against the actual revenue:
     * 59,932 against 70,976 dollars, 16 % short, mostly because the purchase forecast is 12 % short.
     */
    @Test
    void cdnowHoldoutRevenue() {
        BgNbd purchases = BgNbd.fit(CdnowSample.calibration()).model();
        GammaGamma spend = GammaGamma.fit(CdnowSample.calibration()).model();
        double predicted = CdnowSample.calibration().stream()
                .mapToDouble(c ->
                        purchases.expectedTransactions(c, CdnowSample.HOLDOUT_WEEKS) * spend.expectedAverageSpend(c))
                .sum();
        assertThat(CdnowSample.holdoutRevenue()).isCloseTo(70_976.39, within(0.01));
        assertThat(predicted).isCloseTo(59_932, within(10.0));
    }
}
