package org.opencdp.behaviour.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SegmentQueryTest {

    private static final Set<String> RFM = Set.of("champions", "lost");

    @Test
    void valuesTravelAsBindParametersNeverInTheSqlText() {
        String hostile = "coffee'; DROP TABLE customer_order; --";
        List<Criterion> criteria = List.of(
                new Criterion.BoughtCategory(hostile, 30),
                new Criterion.Country(List.of("DE' OR '1'='1")),
                new Criterion.PostcodeRegion("80", "87"),
                new Criterion.RevenueAbove(new BigDecimal("100")),
                new Criterion.RfmSegment(List.of("champions")),
                new Criterion.ClvTier(List.of("HIGH")),
                new Criterion.AgeBand(List.of("25-34")));
        assertThat(SegmentQuery.check(criteria, RFM)).isEmpty();
        SegmentQuery query = SegmentQuery.compile(criteria, Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(query.sql()).doesNotContain("coffee", "DROP", "DE'", "80", "87", "100", "champions", "25-34");
        assertThat(query.sql().chars().filter(c -> c == '?').count())
                .isEqualTo(query.parameters().size());
        assertThat(query.parameters()).contains(hostile, "80", "87", new BigDecimal("100"));
        assertThat(query.sql()).contains("subject_restriction");
    }

    @Test
    void badCriteriaAreNamedByTheirPath() {
        List<Criterion> criteria = List.of(
                new Criterion.PostcodeRegion("8", "87"),
                new Criterion.RfmSegment(List.of("whales")),
                new Criterion.BoughtCategory("", 0),
                new Criterion.RevenueAbove(new BigDecimal("-1")),
                new Criterion.ClvTier(List.of("GOLD")),
                new Criterion.Country(List.of()));
        assertThat(SegmentQuery.check(criteria, RFM))
                .extracting(SegmentQuery.Violation::field)
                .containsExactly(
                        "criteria[0].from",
                        "criteria[1].in",
                        "criteria[2].category",
                        "criteria[2].withinDays",
                        "criteria[3].amount",
                        "criteria[4].in",
                        "criteria[5].in");
        assertThat(SegmentQuery.check(List.of(), RFM))
                .extracting(SegmentQuery.Violation::field)
                .containsExactly("criteria");
        assertThat(SegmentQuery.check(List.of(new Criterion.PostcodeRegion("87", "80")), RFM))
                .extracting(SegmentQuery.Violation::field)
                .containsExactly("criteria[0].to");
    }
}
