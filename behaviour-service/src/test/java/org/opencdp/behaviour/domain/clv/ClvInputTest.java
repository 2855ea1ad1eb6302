package org.opencdp.behaviour.domain.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Purchase summaries and CLV assumptions refuse what the models cannot use, with a message that says why. */
class ClvInputTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void summaryFromPurchasesCountsDaysAndIgnoresTheFuture() {
        PurchaseSummary summary = PurchaseSummary.of(
                List.of(
                        new PurchaseSummary.Purchase(JAN_1, 50),
                        new PurchaseSummary.Purchase(JAN_1.plusDays(14), 20),
                        new PurchaseSummary.Purchase(JAN_1.plusDays(14), 10), // same day: one transaction of 30
                        new PurchaseSummary.Purchase(JAN_1.plusDays(28), 60),
                        new PurchaseSummary.Purchase(JAN_1.plusDays(100), 999)), // after the end: not seen
                JAN_1.plusDays(70));
        assertThat(summary.repeatTransactions()).isEqualTo(2);
        assertThat(summary.recencyWeeks()).isCloseTo(4, within(1e-12));
        assertThat(summary.ageWeeks()).isCloseTo(10, within(1e-12));
        assertThat(summary.averageRepeatSpend()).isCloseTo(45, within(1e-12));
    }

    @Test
    void aSinglePurchaseIsNoRepeat() {
        PurchaseSummary summary =
                PurchaseSummary.of(List.of(new PurchaseSummary.Purchase(JAN_1, 50)), JAN_1.plusDays(7));
        assertThat(summary).isEqualTo(new PurchaseSummary(0, 0, 1, 0));
    }

    @Test
    void impossibleSummariesAreRefused() {
        assertThatThrownBy(() -> new PurchaseSummary(-1, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new PurchaseSummary(1, -0.5, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency");
        assertThatThrownBy(() -> new PurchaseSummary(1, 0.5, Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("age");
        assertThatThrownBy(() -> new PurchaseSummary(1, 0.5, 1, -10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("average repeat spend");
        assertThatThrownBy(() -> new PurchaseSummary(2, 5, 4, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not exceed age");
        assertThatThrownBy(() -> new PurchaseSummary(0, 3, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without repeat transactions");
    }

    @Test
    void unusablePurchasesAreRefused() {
        assertThatThrownBy(
                        () -> PurchaseSummary.of(List.of(new PurchaseSummary.Purchase(JAN_1, 5)), JAN_1.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no purchase on or before");
        assertThatThrownBy(() -> new PurchaseSummary.Purchase(JAN_1, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase amount");
        assertThatThrownBy(() -> new PurchaseSummary.Purchase(null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a day");
    }

    @Test
    void unusableAssumptionsAreRefused() {
        assertThatThrownBy(() -> new ClvAssumptions(0, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> new ClvAssumptions(121, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> new ClvAssumptions(12, -0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discount rate");
        assertThatThrownBy(() -> new ClvAssumptions(12, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> new ClvAssumptions(12, 0.1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> new ClvForecast(null, new GammaGamma(1, 2, 3), ClvAssumptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase model");
    }
}
