package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** The BG/NBD model against the CDNOW sample and the published fit (Fader, Hardie and Lee 2005). */
class BgNbdCdnowTest {

    private static final BgNbd.Fit FIT = BgNbd.fit(CdnowSample.calibration());

    @Test
    void preparationMatchesThePublishedData() {
        var customers = CdnowSample.calibration();
        assertThat(customers).hasSize(2_357);
        assertThat(customers).filteredOn(c -> c.repeatTransactions() > 0).hasSize(946);
        assertThat(customers.stream()
                        .mapToInt(PurchaseSummary::repeatTransactions)
                        .sum())
                .isEqualTo(2_457);
        // The first customer bought first on 1997-01-01: T = 272 days.
        assertThat(customers.getFirst().ageWeeks()).isCloseTo(272 / 7.0, within(1e-12));
        assertThat(CdnowSample.HOLDOUT_WEEKS).isCloseTo(39, within(1e-12));
    }

    @Test
    void fitReproducesThePublishedEstimates() {
        BgNbd model = FIT.model();
        assertThat(FIT.converged()).isTrue();
        assertThat(FIT.customers()).isEqualTo(2_357);
        assertThat(model.r()).isCloseTo(0.243, withinPercentage(2));
        assertThat(model.alpha()).isCloseTo(4.414, withinPercentage(2));
        assertThat(model.a()).isCloseTo(0.793, withinPercentage(2));
        assertThat(model.b()).isCloseTo(2.426, withinPercentage(2));
        assertThat(FIT.logLikelihood()).isCloseTo(-9582.4, withinPercentage(0.5));
    }

    @Test
    void fitIsTheMaximum() {
        // Moving any parameter by 1 % either way lowers the likelihood.
        BgNbd m = FIT.model();
        double best = sumLogLikelihood(m);
        for (double f : new double[] {0.99, 1.01}) {
            assertThat(sumLogLikelihood(new BgNbd(m.r() * f, m.alpha(), m.a(), m.b())))
                    .isLessThan(best);
            assertThat(sumLogLikelihood(new BgNbd(m.r(), m.alpha() * f, m.a(), m.b())))
                    .isLessThan(best);
            assertThat(sumLogLikelihood(new BgNbd(m.r(), m.alpha(), m.a() * f, m.b())))
                    .isLessThan(best);
            assertThat(sumLogLikelihood(new BgNbd(m.r(), m.alpha(), m.a(), m.b() * f)))
                    .isLessThan(best);
        }
        assertThat(best).isCloseTo(FIT.logLikelihood(), within(1e-9));
    }

    @Test
    void fitIsDeterministic() {
        BgNbd.Fit again = BgNbd.fit(CdnowSample.calibration());
        assertThat(again).isEqualTo(FIT);
    }

    /**
     * Summed over all customers, the expected transactions in the 39-week holdout, each given the customer's own
     * calibration history, against what they actually did. The model falls 12 % short on CDNOW (1,653 against
     * 1,882): customers with one or two calibration repeats bought more in the holdout than the model expects. The
     * expectation itself is checked against numerical integration in BgNbdTest, so the gap is the model's; 15 %
     * keeps the test meaningful without pretending the model does better on this data than it does.
     */
    @Test
    void holdoutForecastIsCloseToWhatCustomersDid() {
        int actual = CdnowSample.customers().stream()
                .mapToInt(CdnowSample.Customer::holdoutTransactions)
                .sum();
        double expected = CdnowSample.customers().stream()
                .mapToDouble(c -> FIT.model().expectedTransactions(c.calibration(), CdnowSample.HOLDOUT_WEEKS))
                .sum();
        assertThat(actual).isEqualTo(1_882);
        assertThat(expected).isCloseTo(1_653.4, within(1.0));
        assertThat(expected).isCloseTo(actual, withinPercentage(15));
    }

    private static double sumLogLikelihood(BgNbd model) {
        return CdnowSample.calibration().stream()
                .mapToDouble(model::logLikelihood)
                .sum();
    }
}
