package org.opencdp.tracking.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.problem.ProblemException;
import org.opencdp.publicsites.PublicSites;
import org.opencdp.tracking.domain.ClickCount;
import org.opencdp.tracking.domain.PageDay;
import org.opencdp.tracking.domain.SiteDay;
import org.opencdp.tracking.repository.AggregateRepository;

/** Reports from the daily aggregates only (never the raw events); today's figures are computed first. */
@ApplicationScoped
public class AnalyticsService {

    static final int LONGEST_PERIOD_DAYS = 400;

    @Inject
    AggregateRepository aggregates;

    @Inject
    DailyAggregates daily;

    @Inject
    PublicSites sites;

    /** A report's site and period: to and from default to the last 30 days up to today. */
    public record Period(LocalDate from, LocalDate to) {}

    public record PageReport(List<PageDay> pages, List<ClickCount> clicks) {}

    public List<SiteDay> days(String siteKey, Period period) {
        Period checked = check(siteKey, period);
        return aggregates.siteDays(siteKey, checked.from(), checked.to());
    }

    public PageReport pages(String siteKey, Period period, int limit) {
        Period checked = check(siteKey, period);
        List<PageDay> pages = aggregates.topPages(siteKey, checked.from(), checked.to(), limit);
        List<ClickCount> clicks = aggregates.clicks(
                siteKey,
                checked.from(),
                checked.to(),
                pages.stream().map(PageDay::url).toList());
        return new PageReport(pages, clicks);
    }

    private Period check(String siteKey, Period period) {
        sites.get(siteKey);
        LocalDate today = daily.today();
        LocalDate to = period.to() != null ? period.to() : today;
        LocalDate from = period.from() != null ? period.from() : to.minusDays(29);
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= LONGEST_PERIOD_DAYS) {
            throw ProblemException.invalidField("from", "a period may span at most " + LONGEST_PERIOD_DAYS + " days");
        }
        if (!to.isBefore(today) && !from.isAfter(today)) {
            daily.recompute(today);
        }
        return new Period(from, to);
    }
}
