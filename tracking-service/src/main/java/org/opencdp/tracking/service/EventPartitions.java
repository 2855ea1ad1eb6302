package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.tracking.repository.EventRepository;
import org.opencdp.tracking.repository.PartitionRepository;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the monthly partitions of the raw events: the current month's and {@code partitions-ahead} more exist
 * before events arrive for them; revoked ledger entries are forgotten after a day. Runs at start and every six
 * hours; idempotent, so several replicas may run it. Creating partitions is storage, not retention: when events
 * expire is retention-service's policy alone, applied by the purge ({@link RawEventRetention} drops a wholly
 * expired month's partition), so this job drops none.
 */
@ApplicationScoped
public class EventPartitions {

    @Inject
    PartitionRepository partitions;

    @Inject
    TrackingSettings settings;

    @Inject
    EventRepository events;

    @Inject
    Clock clock;

    /**
     * How long a revoked ledger entry is remembered: a batch can only have been decided under it in the moments
     * before the revocation arrived (consent-service never names a revoked entry again), so a day is ample.
     */
    static final Duration KEEP_REVOKED_ENTRIES = Duration.ofDays(1);

    @Scheduled(every = "6h", identity = "event-partitions", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void maintain() {
        events.forgetRevokedBefore(clock.instant().minus(KEEP_REVOKED_ENTRIES));
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        for (int ahead = 0; ahead <= settings.partitionsAhead(); ahead++) {
            partitions.ensure(current.plusMonths(ahead));
        }
    }
}
