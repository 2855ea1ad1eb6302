package org.opencdp.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.jdbc.Jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Deletes whole expired months of the trail once a day, when the service sets a retention
 * ({@code opencdp.audit.retention}, at least a year; none by default: entries are kept). The deletion runs as the
 * owner role inside the database function {@code audit_delete_expired_period}, which also writes the checkpoints
 * that keep the remaining chains verifiable; the application's role cannot delete entries itself. Replicas may run
 * it at the same time: the function locks the chains it touches, and a second run finds nothing left to delete.
 */
@ApplicationScoped
public class AuditRetention {

    static final Period SHORTEST = Period.ofYears(1);
    private static final int SUBJECTS_PER_TRANSACTION = 1_000;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @Inject
    AuditConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    void checkSetting(@Observes StartupEvent start) {
        config.retention().ifPresent(AuditRetention::requireAtLeastAYear);
    }

    @Scheduled(
            identity = "audit-retention",
            cron = "{opencdp.audit.retention-cron}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.retention().isEmpty()) {
            return;
        }
        try {
            long deleted = deleteExpired();
            if (deleted > 0) {
                LOG.infof(
                        "Deleted %d audit entries older than the retention of %s",
                        deleted, config.retention().get());
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Deleting expired audit periods stopped this round: %s",
                    e.getClass().getName());
        }
    }

    /** Deletes what the configured retention has let expire; returns how many entries. Nothing without one. */
    public long deleteExpired() {
        return config.retention().map(this::cutoff).map(this::deleteBefore).orElse(0L);
    }

    /** The first day of the month in which entries turn older than the retention: whole months go, never part. */
    Instant cutoff(Period retention) {
        requireAtLeastAYear(retention);
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minus(retention)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /**
     * The cut-off the database will accept for a wanted one: rounded down to the first of its month (whole months
     * go, never part) and never later than the first of the month a year before the database's clock, the guard of
     * {@code audit_delete_expired_period}. The retention purge of libs/subject-rights asks this before deleting.
     */
    public Instant deletableCutoff(Instant wanted) {
        return Jdbc.first(
                        dataSource,
                        "SELECT least(date_trunc('month', ?::timestamptz, 'UTC'),"
                                + " date_trunc('month', now() - interval '1 year', 'UTC'))",
                        rs -> Jdbc.instant(rs, 1),
                        wanted)
                .orElseThrow();
    }

    /** How many entries are older than the cut-off (the application's role may read the trail, not delete it). */
    public long countBefore(Instant cutoff) {
        return Jdbc.first(
                        dataSource,
                        "SELECT count(*) FROM audit_entry WHERE occurred_at < ?",
                        rs -> rs.getLong(1),
                        cutoff)
                .orElseThrow();
    }

    /**
     * Deletes every entry older than the cut-off, which must be one {@link #deletableCutoff} returned. One transaction
     * per batch of subjects, so a large first run neither holds locks long nor fills memory.
     */
    public long deleteBefore(Instant cutoff) {
        long total = 0;
        long deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    private long deleteBatch(Instant cutoff) {
        return Jdbc.first(
                        dataSource,
                        "SELECT audit_delete_expired_period(?, ?)",
                        rs -> rs.getLong(1),
                        cutoff,
                        SUBJECTS_PER_TRANSACTION)
                .orElseThrow();
    }

    private static void requireAtLeastAYear(Period retention) {
        LocalDate today = LocalDate.of(2000, 1, 1);
        if (today.plus(retention).isBefore(today.plus(SHORTEST))) {
            throw new IllegalStateException("opencdp.audit.retention must be at least " + SHORTEST + " (P1Y), not "
                    + retention + ": the database refuses to delete younger audit entries");
        }
    }
}
