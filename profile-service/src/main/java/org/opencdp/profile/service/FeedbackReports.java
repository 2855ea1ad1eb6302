package org.opencdp.profile.service;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.profile.repository.FeedbackRepository;
import org.opencdp.profile.repository.FeedbackRepository.Grouping;
import org.opencdp.reports.Report;

/**
 * NPS and CSAT per month, optionally per customer kind or answer source, for marketing and analysts: aggregates
 * only, never free text, and a row resting on fewer customers than the minimum is suppressed (libs/reports, the
 * same rule as behaviour-service's reports). Restricted customers are left out.
 */
@ApplicationScoped
public class FeedbackReports {

    /** What the rows are grouped by besides the month. */
    public enum Segment {
        NONE(Grouping.NONE),
        CUSTOMER_KIND(Grouping.CUSTOMER_KIND),
        SOURCE(Grouping.SOURCE);

        final Grouping grouping;

        Segment(Grouping grouping) {
            this.grouping = grouping;
        }
    }

    /** The NPS report and the CSAT report of the same months. */
    public record FeedbackReport(Report nps, Report csat) {}

    @Inject
    FeedbackRepository answers;

    @ConfigProperty(name = "opencdp.profile.feedback.report-min-customers")
    int minCustomers;

    @Transactional
    public FeedbackReport report(YearMonth from, YearMonth to, Segment segment) {
        var start = from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> keys = new ArrayList<>(List.of("month"));
        if (segment.grouping.column() != null) {
            keys.add(segment.grouping.column());
        }
        return new FeedbackReport(
                Report.of("nps-per-month", minCustomers, keys, answers.npsPerMonth(start, end, segment.grouping)),
                Report.of("csat-per-month", minCustomers, keys, answers.csatPerMonth(start, end, segment.grouping)));
    }
}
