package org.opencdp.tracking.service;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;
import org.opencdp.tracking.repository.AggregateRepository;

/**
 * The retention category {@code tracking-daily-aggregates}: a day's figures (sites, pages, clicks) are complete when
 * the UTC day is over, so their period starts at the end of the day; they expire when that end is before the cutoff.
 */
@ApplicationScoped
public class DailyAggregateRetention implements RetentionCategory {

    static final String NAME = "tracking-daily-aggregates";

    @Inject
    AggregateRepository aggregates;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return aggregates.countDaysBefore(firstDayKept(cutoff));
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return aggregates.deleteDaysBefore(firstDayKept(cutoff));
    }

    /** A day expires when the midnight ending it is before the cutoff: every day before the one this returns. */
    static LocalDate firstDayKept(Cutoff cutoff) {
        LocalDate day = LocalDate.ofInstant(cutoff.before(), ZoneOffset.UTC);
        boolean atMidnight = day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(cutoff.before());
        return atMidnight ? day.minusDays(1) : day;
    }
}
