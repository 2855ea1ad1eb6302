package org.opencdp.behaviour.domain.segment;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One condition of a segment, a small typed language: each kind names its own fields, and {@link SegmentQuery}
 * compiles it to SQL with bind parameters. A segment's criteria must all hold.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Criterion.AgeBand.class, name = "ageBand"),
    @JsonSubTypes.Type(value = Criterion.Country.class, name = "country"),
    @JsonSubTypes.Type(value = Criterion.PostcodeRegion.class, name = "postcodeRegion"),
    @JsonSubTypes.Type(value = Criterion.BoughtCategory.class, name = "boughtCategory"),
    @JsonSubTypes.Type(value = Criterion.RevenueAbove.class, name = "revenueAbove"),
    @JsonSubTypes.Type(value = Criterion.RfmSegment.class, name = "rfmSegment"),
    @JsonSubTypes.Type(value = Criterion.ClvTier.class, name = "clvTier")
})
public sealed interface Criterion {

    /** Age band as profile-service reports it, e.g. "25-34". */
    record AgeBand(List<String> in) implements Criterion {}

    /** ISO 3166-1 alpha-2 country. */
    record Country(List<String> in) implements Criterion {}

    /** Postcode region (the first two digits of a German postcode), from..to inclusive, e.g. 80 to 87. */
    record PostcodeRegion(String from, String to) implements Criterion {}

    /** Bought something of this product category within the last N days. */
    record BoughtCategory(String category, Integer withinDays) implements Criterion {}

    /** Total revenue (as of the last KPI recompute) above this amount. */
    record RevenueAbove(BigDecimal amount) implements Criterion {}

    /** RFM segment (as of the last KPI recompute), one of the configured names. */
    record RfmSegment(List<String> in) implements Criterion {}

    /** Predicted CLV tier: the customers with a predicted CLV in thirds, LOW, MEDIUM or HIGH. */
    record ClvTier(List<String> in) implements Criterion {}
}
