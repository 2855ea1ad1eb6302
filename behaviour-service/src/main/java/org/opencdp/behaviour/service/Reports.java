package org.opencdp.behaviour.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.behaviour.repository.ReportRepository;
import org.opencdp.reports.Report;

/** Aggregate reports for analysts and marketing; small cells suppressed (see {@link Report}). */
@ApplicationScoped
public class Reports {

    public enum Kind {
        REVENUE_PER_MONTH,
        REVENUE_PER_CATEGORY,
        REVENUE_PER_SEGMENT,
        COHORT_RETENTION
    }

    @Inject
    ReportRepository repository;

    @ConfigProperty(name = "opencdp.behaviour.reports.min-customers")
    int minCustomers;

    @Transactional
    public Report report(Kind kind) {
        return switch (kind) {
            case REVENUE_PER_MONTH ->
                Report.of("revenue-per-month", minCustomers, List.of("month"), repository.revenuePerMonth());
            case REVENUE_PER_CATEGORY ->
                Report.of("revenue-per-category", minCustomers, List.of("category"), repository.revenuePerCategory());
            case REVENUE_PER_SEGMENT ->
                Report.of("revenue-per-segment", minCustomers, List.of("segment"), repository.revenuePerRfmSegment());
            case COHORT_RETENTION ->
                Report.of(
                        "cohort-retention",
                        minCustomers,
                        List.of("cohort", "monthsAfter"),
                        repository.cohortRetention());
        };
    }
}
