package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MeasuredTest {

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOneWhateverTheirOrder() {
        Measured figure = new Measured(List.of(3.0, 1.0, 2.0));

        assertThat(figure.median()).isEqualTo(2.0);
        assertThat(figure.min()).isEqualTo(1.0);
        assertThat(figure.max()).isEqualTo(3.0);
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(new Measured(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
    }

    @Test
    void theSpreadIsWrittenInThePrecisionOfTheMedianWithoutItsEmphasis() {
        Measured figure = new Measured(List.of(2.314, 2.1, 2.6));

        assertThat(figure.format("**%.2f ms**")).isEqualTo("**2.31 ms** (2.10–2.60)");
        assertThat(new Measured(List.of(1200.0, 1000.0, 1500.0)).format("%,.0f/s"))
                .isEqualTo("1,200/s (1,000–1,500)");
    }

    @Test
    void aTargetIsJudgedByTheMedianAndMarkedWhenTheSpreadCrossesIt() {
        Target p99 = Target.below(5, "p99 < 5 ms");

        assertThat(p99.verdict(new Measured(List.of(2.0, 3.0, 4.0)))).isEqualTo("✔");
        assertThat(p99.verdict(new Measured(List.of(6.0, 7.0, 8.0)))).isEqualTo("✘");
        assertThat(p99.verdict(new Measured(List.of(3.0, 4.0, 9.0)))).isEqualTo("✔ ⚠ spread crosses the target");
        assertThat(Target.atLeast(1_000, "≥ 1,000/s").verdict(new Measured(List.of(900.0, 950.0, 1_100.0))))
                .isEqualTo("✘ ⚠ spread crosses the target");
        assertThat(Target.atMost(2, "p99 ≤ 2 ms").metBy(2)).isTrue();
        assertThat(Target.below(2, "p99 < 2 ms").metBy(2)).isFalse();
    }
}
