package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static String scrape(int fast, int slow, int slowest) {
        return String.format("""
                # TYPE opencdp_consent_decision_seconds histogram
                opencdp_consent_decision_seconds_bucket{kind="single",le="0.001"} %d.0
                opencdp_consent_decision_seconds_bucket{kind="single",le="0.002"} %d.0
                opencdp_consent_decision_seconds_bucket{kind="single",le="+Inf"} %d.0
                opencdp_consent_decision_seconds_bucket{kind="batch",le="0.001"} 0.0
                opencdp_consent_decision_seconds_bucket{kind="batch",le="+Inf"} 7.0
                opencdp_consent_decision_seconds_count{kind="single"} %d.0
                """, fast, fast + slow, fast + slow + slowest, fast + slow + slowest);
    }

    @Test
    void theQuantileOfARunComesFromTheDifferenceOfTwoScrapes() {
        // Before the run: 10 slow decisions (warm-up); the run adds 990 fast ones and 10 slow ones.
        Histogram before = Histogram.scrape(scrape(0, 10, 0), "opencdp_consent_decision_seconds", "kind=\"single\"");
        Histogram after = Histogram.scrape(scrape(990, 20, 0), "opencdp_consent_decision_seconds", "kind=\"single\"");

        Histogram run = after.since(before);

        assertThat(run.count()).isEqualTo(1_000);
        assertThat(run.quantileBound(0.99)).isEqualTo(0.001);
        assertThat(run.quantileBound(0.999)).isEqualTo(0.002);
        assertThat(after.quantileBound(0.99)).isEqualTo(0.002);
    }

    @Test
    void aHistogramMissingFromTheMetricsIsAnError() {
        assertThatThrownBy(() -> Histogram.scrape(scrape(1, 1, 1), "opencdp_other_seconds", "kind=\"single\""))
                .hasMessageContaining("no histogram opencdp_other_seconds");
    }
}
