package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties of the BG/NBD conditional expectations, independent of any one data set. */
class BgNbdTest {

    /** The published CDNOW estimates. */
    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void reproducesTheWorkedExampleOfThePaper() {
        // x = 2, t_x = 30.43, T = 38.86: 1.226 transactions expected in the next 39 weeks.
        PurchaseSummary customer = new PurchaseSummary(2, 30.43, 38.86, 20);
        assertThat(CDNOW.expectedTransactions(customer, 39)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void moreRecentPurchasesMeanMoreExpectedPurchases() {
        double previous = -1;
        for (double recency : new double[] {2, 10, 20, 30, 38}) {
            double expected = CDNOW.expectedTransactions(new PurchaseSummary(5, recency, 38.86, 30), 39);
            assertThat(expected).isGreaterThan(previous);
            previous = expected;
        }
    }

    @Test
    void moreFrequentRecentBuyersExpectMore() {
        double once = CDNOW.expectedTransactions(new PurchaseSummary(1, 38, 38.86, 30), 39);
        double often = CDNOW.expectedTransactions(new PurchaseSummary(10, 38, 38.86, 30), 39);
        assertThat(often).isGreaterThan(once * 3);
    }

    @Test
    void oneTimeBuyersExpectLessTheLongerAgoTheyBought() {
        double previous = Double.MAX_VALUE;
        for (double age : new double[] {0, 1, 5, 20, 39, 100}) {
            PurchaseSummary oneTimeBuyer = new PurchaseSummary(0, 0, age, 0);
            double expected = CDNOW.expectedTransactions(oneTimeBuyer, 39);
            assertThat(expected).isLessThan(previous).isPositive();
            assertThat(CDNOW.probabilityAlive(oneTimeBuyer)).isEqualTo(1.0);
            previous = expected;
        }
    }

    @Test
    void expectationGrowsWithTheHorizonFromZero() {
        PurchaseSummary customer = new PurchaseSummary(3, 20, 38.86, 25);
        assertThat(CDNOW.expectedTransactions(customer, 0)).isEqualTo(0.0);
        double previous = 0;
        for (double weeks : new double[] {1, 4, 13, 52, 520}) {
            double expected = CDNOW.expectedTransactions(customer, weeks);
            assertThat(expected).isGreaterThan(previous);
            previous = expected;
        }
    }

    @Test
    void probabilityAliveFallsWithTimeSinceTheLastPurchase() {
        // Bought on the last day: only the chance of having dropped out right after that purchase remains.
        assertThat(CDNOW.probabilityAlive(new PurchaseSummary(4, 38.86, 38.86, 20)))
                .isCloseTo(1 / (1 + 0.793 / (2.426 + 4 - 1)), within(1e-12));
        assertThat(CDNOW.probabilityAlive(new PurchaseSummary(4, 30, 38.86, 20)))
                .isBetween(0.2, 0.8);
        assertThat(CDNOW.probabilityAlive(new PurchaseSummary(4, 5, 38.86, 20))).isLessThan(0.1);
    }

    /**
     * The closed form with 2F1 against a direct numerical integral of its definition: given the customer is
     * active at T, lambda ~ Gamma(r + x, alpha + T) and p ~ Beta(a, b + x), and an active customer buys
     * (1 - e^(-lambda p t)) / p times in the next t weeks; integrating lambda out leaves an integral over p.
     */
    @ParameterizedTest
    @CsvSource({
        "0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 39",
        "0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39",
        "0.243, 4.414, 0.793, 2.426, 40, 38, 38.86, 52",
        "0.5, 2.0, 1.8, 3.0, 1, 5, 10, 52",
        "2.0, 10.0, 3.5, 8.0, 7, 80, 100, 26",
        "0.3, 0.5, 0.6, 1.5, 0, 0, 0.5, 104"
    })
    void closedFormMatchesNumericalIntegration(
            double r, double alpha, double a, double b, int x, double recency, double age, double weeks) {
        BgNbd model = new BgNbd(r, alpha, a, b);
        PurchaseSummary customer = new PurchaseSummary(x, recency, age, x == 0 ? 0 : 10);
        double ageTerm = alpha + age;
        double logBeta = Beta.logBeta(a, b + x);
        double integral = integrateOverUnitInterval((p, q) -> {
            double perP = -Math.expm1((r + x) * Math.log(ageTerm / (ageTerm + p * weeks))) / p;
            return perP * Math.exp((a - 1) * Math.log(p) + (b + x - 1) * Math.log(q) - logBeta);
        });
        assertThat(model.expectedTransactions(customer, weeks))
                .isCloseTo(model.probabilityAlive(customer) * integral, within(1e-9 * integral));
    }

    /**
     * Tanh-sinh quadrature of f(p, 1 - p) over (0, 1); it copes with integrable singularities at the ends such as
     * the Beta density's p^(a - 1) for a < 1, and gets 1 - p exactly near p = 1.
     */
    private static double integrateOverUnitInterval(DoubleBinaryOperator f) {
        double h = 1.0 / 64;
        double sum = 0;
        for (int k = -320; k <= 320; k++) {
            double t = k * h;
            double s = Math.PI / 2 * Math.sinh(t);
            double p = 1 / (1 + Math.exp(-2 * s));
            double q = 1 / (1 + Math.exp(2 * s));
            double dpdt = Math.PI * Math.cosh(t) * p * q;
            if (dpdt > 0) {
                sum += f.applyAsDouble(p, q) * dpdt;
            }
        }
        return sum * h;
    }

    @Test
    void parameterNearOneIsHandled() {
        PurchaseSummary customer = new PurchaseSummary(2, 20, 38.86, 25);
        double below = new BgNbd(0.243, 4.414, 1 - 1e-6, 2.426).expectedTransactions(customer, 39);
        double at = new BgNbd(0.243, 4.414, 1, 2.426).expectedTransactions(customer, 39);
        double above = new BgNbd(0.243, 4.414, 1 + 1e-6, 2.426).expectedTransactions(customer, 39);
        assertThat(at).isFinite().isCloseTo(below, within(1e-5)).isCloseTo(above, within(1e-5));
    }

    @Test
    void nobodyBoughtTwiceLeavesTheModelUndetermined() {
        // Without a single repeat purchase the likelihood keeps rising as r falls towards 0: no maximum to find.
        List<PurchaseSummary> oneTimeBuyers = List.of(
                new PurchaseSummary(0, 0, 10, 0), new PurchaseSummary(0, 0, 20, 0), new PurchaseSummary(0, 0, 30, 0));
        BgNbd.Fit fit = BgNbd.fit(oneTimeBuyers);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.customers()).isEqualTo(3);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> BgNbd.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one customer");
        assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r must be");
        assertThatThrownBy(() -> new BgNbd(1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha must be");
        assertThatThrownBy(() -> CDNOW.expectedTransactions(new PurchaseSummary(1, 1, 2, 3), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
    }
}
