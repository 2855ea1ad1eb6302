package org.opencdp.subjectrights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The cutoff at the edges: month ends, leap days, the last day of the year, with and without rounding. */
class CutoffTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant before(String asOf, String period, boolean round) {
        return Cutoff.of(at(asOf), Period.parse(period), round).before();
    }

    @Test
    void thirteenMonths() {
        assertThat(before("2027-03-01T00:00:00Z", "P13M", false)).isEqualTo(at("2026-02-01T00:00:00Z"));
        assertThat(before("2027-03-15T12:30:00.123456Z", "P13M", false)).isEqualTo(at("2026-02-15T12:30:00.123456Z"));
    }

    @Test
    void aMonthFromTheEndOfFebruaryIsTheEndOfMarchNotItsTwentyEighth() {
        // 28 Feb + P1M = 28 Mar, which is before 31 Mar: every start up to the end of February has expired.
        assertThat(before("2027-03-31T00:00:00Z", "P1M", false)).isEqualTo(at("2027-03-01T00:00:00Z"));
        // 31 Jan + P1M = 28 Feb, before 1 Mar: expired; 1 Feb + P1M = 1 Mar: not before it.
        assertThat(before("2027-03-01T00:00:00Z", "P1M", false)).isEqualTo(at("2027-02-01T00:00:00Z"));
    }

    @Test
    void leapDays() {
        // 28 Feb 2024 12:00 + P1Y = 28 Feb 2025 12:00, asOf exactly: kept. The leap day clamps onto the same date,
        // so its starts wait for the next day's runs (a day late, never early).
        assertThat(before("2025-02-28T12:00:00Z", "P1Y", false)).isEqualTo(at("2024-02-28T12:00:00Z"));
        assertThat(before("2025-03-01T00:00:00Z", "P1Y", false)).isEqualTo(at("2024-03-01T00:00:00Z"));
        // A leap day as asOf: 29 Feb 2028 - P1Y is 28 Feb 2027, and 28 Feb 2027 + P1Y = 28 Feb 2028 is before it.
        assertThat(before("2028-02-29T00:00:00Z", "P1Y", false)).isEqualTo(at("2027-03-01T00:00:00Z"));
        // With rounding, a leap day start in 2024 plus 8 years ends in 2032: kept until 2033 begins.
        assertThat(before("2033-01-01T00:00:00.000001Z", "P8Y", true)).isEqualTo(at("2025-01-01T00:00:00Z"));
    }

    @Test
    void roundingToTheEndOfTheYearKeepsRecordsUntilTheYearOfTheirPeriodsEndIsOver() {
        // Started on the last day of 2023, P3Y ends in 2026: kept through 31 Dec 2026 24:00.
        Instant lastDayOf2023 = at("2023-12-31T23:59:59.999999Z");
        assertThat(lastDayOf2023).isAfterOrEqualTo(before("2027-01-01T00:00:00Z", "P3Y", true));
        assertThat(before("2027-01-01T00:00:00Z", "P3Y", true)).isEqualTo(at("2023-01-01T00:00:00Z"));
        assertThat(before("2027-01-01T00:00:00.000001Z", "P3Y", true)).isEqualTo(at("2024-01-01T00:00:00Z"));
        assertThat(lastDayOf2023).isBefore(before("2027-01-01T00:00:00.000001Z", "P3Y", true));
        // Throughout a year the cutoff stays on the same 1 January.
        assertThat(before("2027-12-31T23:59:59Z", "P3Y", true)).isEqualTo(at("2024-01-01T00:00:00Z"));
        // P13M rounded: a start in November 2025 ends in December 2026, one in December 2025 in January 2027.
        assertThat(before("2027-06-01T00:00:00Z", "P13M", true)).isEqualTo(at("2025-12-01T00:00:00Z"));
    }

    @Test
    void theCutoffIsExactForEveryStartAroundIt() {
        String[] periods = {"P13M", "P1M", "P1Y", "P90D", "P1M1D", "P8Y"};
        for (Instant asOf :
                new Instant[] {at("2027-03-31T06:00:00Z"), at("2028-02-29T18:00:00Z"), at("2027-01-01T00:00:00Z")})
            for (String text : periods) {
                Period period = Period.parse(text);
                Instant cutoff = Cutoff.of(asOf, period, false).before();
                assertThat(end(cutoff, period)).as(text).isAfterOrEqualTo(asOf);
                for (long days : new long[] {0, 1, 2, 3, 30, 400}) {
                    Instant earlier = cutoff.minus(days, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS);
                    assertThat(end(earlier, period)).as(text + " " + earlier).isBefore(asOf);
                }
            }
    }

    private static Instant end(Instant start, Period period) {
        return LocalDateTime.ofInstant(start, ZoneOffset.UTC).plus(period).toInstant(ZoneOffset.UTC);
    }
}
