package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.tracking.repository.AggregateRepository;

import io.quarkus.scheduler.Scheduled;

/**
 * Computes the daily aggregates the reports read: every 15 minutes for today and yesterday (late events still
 * arrive for yesterday: the tracker resends, clocks are off), and on demand for today when a report asks for it.
 * Expired days are deleted by the retention purge alone ({@link DailyAggregateRetention}).
 */
@ApplicationScoped
public class DailyAggregates {

    @Inject
    AggregateRepository aggregates;

    @Inject
    Clock clock;

    @Scheduled(every = "15m", identity = "daily-aggregates", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        LocalDate today = today();
        aggregates.recompute(today.minusDays(1));
        aggregates.recompute(today);
    }

    /** Computes one day anew (today's figures before a report that includes today). */
    @Transactional
    public void recompute(LocalDate day) {
        aggregates.recompute(day);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
