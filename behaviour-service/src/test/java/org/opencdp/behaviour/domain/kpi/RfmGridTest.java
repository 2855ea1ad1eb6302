package org.opencdp.behaviour.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RfmGridTest {

    static final String COMMON = "champions:5:4-5;loyal:3-4:4-5;potential loyalists:4-5:2-3;new:5:1;promising:4:1;"
            + "needs attention:3:1-3;at risk:1-2:3-4;can't lose:1-2:5;hibernating:2:1-2;lost:1:1-2";

    @Test
    void theCommonGridNamesEveryCell() {
        RfmGrid grid = RfmGrid.parse(COMMON);
        assertThat(grid.cells()).hasSize(25);
        assertThat(grid.segment(5, 5)).isEqualTo("champions");
        assertThat(grid.segment(5, 1)).isEqualTo("new");
        assertThat(grid.segment(4, 1)).isEqualTo("promising");
        assertThat(grid.segment(4, 4)).isEqualTo("loyal");
        assertThat(grid.segment(3, 2)).isEqualTo("needs attention");
        assertThat(grid.segment(2, 4)).isEqualTo("at risk");
        assertThat(grid.segment(1, 5)).isEqualTo("can't lose");
        assertThat(grid.segment(2, 1)).isEqualTo("hibernating");
        assertThat(grid.segment(1, 1)).isEqualTo("lost");
        assertThat(grid.bySegment()).hasSize(10);
    }

    @Test
    void theFrequencyMonetaryScoreIsTheMeanRoundedUp() {
        assertThat(RfmGrid.frequencyMonetary(5, 5)).isEqualTo(5);
        assertThat(RfmGrid.frequencyMonetary(1, 4)).isEqualTo(3);
        assertThat(RfmGrid.frequencyMonetary(3, 2)).isEqualTo(3);
        assertThat(RfmGrid.frequencyMonetary(1, 1)).isEqualTo(1);
    }

    @Test
    void aGridWithACellNamedTwiceOrNotAtAllIsRefused() {
        assertThatThrownBy(() -> RfmGrid.parse(COMMON + ";extra:5:5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> RfmGrid.parse(COMMON.replace(";lost:1:1-2", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no segment");
        assertThatThrownBy(() -> RfmGrid.parse("all:1-6:1-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-6");
        assertThatThrownBy(() -> RfmGrid.parse("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }
}
