package org.opencdp.subjectrights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The start before which a category's records have expired: a record expires when {@code start + period} (with
 * end-of-year rounding: the end of the calendar year of {@code start + period}, 31 Dec 24:00) is before the run's
 * {@code asOf}. A service deletes the records whose start is before {@link #before()}; the library derives it, so
 * no service computes a period itself.
 */
public record Cutoff(Instant before) {

    /**
     * The cutoff of a policy as of a moment. With rounding, a record expires once a year boundary after
     * {@code start + period} has passed; that is the same as {@code start + period} being before the last year
     * boundary strictly before {@code asOf}, so rounding only moves the moment the period is compared with.
     */
    public static Cutoff of(Instant asOf, Period period, boolean roundToEndOfYear) {
        Instant limit = asOf.truncatedTo(ChronoUnit.MICROS);
        if (roundToEndOfYear) {
            limit = lastYearStartBefore(limit);
        }
        return new Cutoff(firstStartNotExpired(limit, period));
    }

    private static Instant lastYearStartBefore(Instant moment) {
        LocalDateTime yearStart =
                LocalDateTime.ofInstant(moment, ZoneOffset.UTC).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
        Instant start = yearStart.toInstant(ZoneOffset.UTC);
        return start.isBefore(moment) ? start : yearStart.minusYears(1).toInstant(ZoneOffset.UTC);
    }

    /**
     * The earliest start whose {@code start + period} is not before the limit: every earlier start has expired.
     * Adding months clamps to the month's last day (31 Jan + P1M = 28 Feb), so the dates map monotonically but not
     * one to one, and {@code limit - period} can be off by days; the search walks the few days around it instead. On
     * a clamped day the time of day decides: 28 Feb 12:00 + P1Y is 28 Feb 12:00 the next year. (A start whose date
     * clamps onto an earlier one, 29 Feb 06:00 + P1Y = 28 Feb 06:00, expires with the starts of its own date: at most a
     * day late, never early.)
     */
    private static Instant firstStartNotExpired(Instant limit, Period period) {
        LocalDateTime last = LocalDateTime.ofInstant(limit, ZoneOffset.UTC);
        LocalDate lastDay = last.toLocalDate();
        LocalDate day = lastDay.minus(period).minusDays(7);
        while (!day.plus(period).isBefore(lastDay)) {
            day = day.minusDays(7);
        }
        while (day.plus(period).isBefore(lastDay)) {
            day = day.plusDays(1);
        }
        LocalTime from = day.plus(period).isEqual(lastDay) ? last.toLocalTime() : LocalTime.MIDNIGHT;
        return day.atTime(from).toInstant(ZoneOffset.UTC);
    }
}
