package org.opencdp.tracking.service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;
import org.opencdp.tracking.repository.EventRepository;
import org.opencdp.tracking.repository.PartitionRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The retention category {@code tracking-raw-events}: an event expires by the time it was received. The table is
 * partitioned by month of receipt, so a month that lies wholly before the cutoff (and has ended by the database's
 * clock) is dropped whole; the expired events of the month the cutoff falls in go by batched deletes.
 */
@ApplicationScoped
public class RawEventRetention implements RetentionCategory {

    static final String NAME = "tracking-raw-events";

    @Inject
    EventRepository events;

    @Inject
    PartitionRepository partitions;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return events.countReceivedBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        long deleted = 0;
        YearMonth current = partitions.currentMonth();
        for (YearMonth month : partitions.existing().stream().sorted().toList()) {
            Instant end =
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (month.isBefore(current) && !end.isAfter(cutoff.before())) {
                deleted += QuarkusTransaction.requiringNew().call(() -> {
                    long rows = events.countReceivedIn(month);
                    partitions.drop(month);
                    return rows;
                });
            }
        }
        return deleted + events.deleteReceivedBefore(cutoff.before());
    }
}
