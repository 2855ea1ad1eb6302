package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

class GammaGammaTest {

    /** Fader and Hardie's Gamma-Gamma note: p = 6.25, q = 3.74, gamma = 15.44 on the CDNOW calibration period. */
    @Test
    void fitReproducesThePublishedCdnowEstimates() {
        List<PurchaseSummary> repeatBuyers = CdnowSample.calibration().stream()
                .filter(c -> c.repeatTransactions() > 0)
                .toList();
        assertThat(repeatBuyers.stream()
                        .mapToDouble(PurchaseSummary::averageRepeatSpend)
                        .average()
                        .orElseThrow())
                .isCloseTo(35.08, within(0.01));

        GammaGamma.Fit fit = GammaGamma.fit(CdnowSample.calibration());

        assertThat(fit.converged()).isTrue();
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.model().p()).isCloseTo(6.25, withinPercentage(5));
        assertThat(fit.model().q()).isCloseTo(3.74, withinPercentage(5));
        assertThat(fit.model().gamma()).isCloseTo(15.44, withinPercentage(5));
        assertThat(fit.logLikelihood())
                .isCloseTo(
                        repeatBuyers.stream()
                                .mapToDouble(fit.model()::logLikelihood)
                                .sum(),
                        within(1e-9));
    }

    @Test
    void expectedSpendWeighsOwnAverageAgainstTheCustomerBase() {
        GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
        double baseMean = 15.44 * 6.25 / (3.74 - 1);
        assertThat(model.expectedAverageSpend(new PurchaseSummary(0, 0, 20, 0))).isCloseTo(baseMean, within(1e-9));

        // A big spender: the more purchases back the average, the closer the estimate gets to it.
        double previous = baseMean;
        for (int x : new int[] {1, 2, 5, 20, 200}) {
            double expected = model.expectedAverageSpend(new PurchaseSummary(x, 20, 30, 100));
            assertThat(expected).isGreaterThan(previous).isLessThan(100);
            previous = expected;
        }
        assertThat(previous).isCloseTo(100, withinPercentage(1));
    }

    @Test
    void noFiniteMeanIsSaidAloud() {
        GammaGamma heavyTailed = new GammaGamma(2, 0.8, 10);
        assertThatThrownBy(() -> heavyTailed.expectedAverageSpend(new PurchaseSummary(0, 0, 5, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no finite mean");
        assertThat(heavyTailed.expectedAverageSpend(new PurchaseSummary(1, 1, 5, 30)))
                .isFinite()
                .isPositive();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> GammaGamma.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one customer");
        assertThatThrownBy(() -> GammaGamma.fit(List.of(new PurchaseSummary(0, 0, 10, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat transaction");
        assertThatThrownBy(() -> new GammaGamma(1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q must be");
        assertThatThrownBy(() -> new GammaGamma(1, 1, 1).logLikelihood(new PurchaseSummary(2, 1, 5, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive value");
    }
}
