package org.opencdp.retention.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.retention.domain.PurgeOutcome;
import org.opencdp.retention.domain.PurgeRun;

/** Purge runs and their participants; reports and policies are stored as the JSON that was sent or received. */
@ApplicationScoped
public class PurgeRunRepository {

    @Inject
    DataSource dataSource;

    /** A stored participant row, its report as JSON. */
    public record StoredParticipant(
            String participant, String status, int attempts, String lastError, String report, Instant answeredAt) {}

    /**
     * Stores a run with its policies (JSON) and one pending row per participant. A scheduled run whose day has a
     * run already is not stored: false then.
     */
    public boolean insert(PurgeRun run, String policies, List<String> participants) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO purge_run (id, dry_run, as_of, started_by, started_at, scheduled_for, policies)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (scheduled_for) DO NOTHING""")) {
                Jdbc.bind(
                        c,
                        s,
                        run.id(),
                        run.dryRun(),
                        run.asOf(),
                        run.startedBy(),
                        run.startedAt(),
                        run.scheduledFor(),
                        policies);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO purge_run_participant (run_id, participant, status) VALUES (?, ?, 'PENDING')")) {
                for (String participant : participants) {
                    Jdbc.bind(c, s, run.id(), participant);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    public Optional<PurgeRun> find(UUID id) {
        return Jdbc.first(dataSource, "SELECT * FROM purge_run WHERE id = ?", PurgeRunRepository::run, id);
    }

    /** The newest runs first, at most {@code limit}. */
    public List<PurgeRun> list(int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT * FROM purge_run ORDER BY started_at DESC, id LIMIT ?",
                PurgeRunRepository::run,
                limit);
    }

    /**
     * The runs to ask again, oldest first: partial runs started since {@code since}, and runs that never finished
     * (retention-service stopped during their calls) started between {@code since} and {@code abandonedBefore}.
     */
    public List<UUID> toRetry(Instant since, Instant abandonedBefore) {
        return Jdbc.list(dataSource, """
                        SELECT * FROM purge_run
                         WHERE started_at >= ? AND (outcome = 'PARTIAL' OR (outcome IS NULL AND started_at < ?))
                         ORDER BY started_at""", PurgeRunRepository::run, since, abandonedBefore).stream()
                .map(PurgeRun::id)
                .toList();
    }

    public String policies(UUID runId) {
        return Jdbc.first(dataSource, "SELECT policies::text FROM purge_run WHERE id = ?", rs -> rs.getString(1), runId)
                .orElseThrow();
    }

    public List<StoredParticipant> participants(UUID runId) {
        return Jdbc.list(
                dataSource,
                """
                SELECT participant, status, attempts, last_error, report::text AS report, answered_at
                  FROM purge_run_participant WHERE run_id = ? ORDER BY participant""",
                rs -> new StoredParticipant(
                        rs.getString("participant"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getString("report"),
                        Jdbc.instant(rs, "answered_at")),
                runId);
    }

    public void answered(UUID runId, String participant, String report, Instant at) {
        Jdbc.update(
                dataSource,
                "UPDATE purge_run_participant SET status = 'ANSWERED', attempts = attempts + 1, last_error = NULL, "
                        + "report = ?::jsonb, answered_at = ? WHERE run_id = ? AND participant = ?",
                report,
                at,
                runId,
                participant);
    }

    public void failed(UUID runId, String participant, String error) {
        Jdbc.update(
                dataSource,
                "UPDATE purge_run_participant SET status = 'FAILED', attempts = attempts + 1, last_error = ? "
                        + "WHERE run_id = ? AND participant = ?",
                error,
                runId,
                participant);
    }

    /** Sets the run's outcome from its participants: COMPLETE once every one answered. */
    public PurgeOutcome finish(UUID runId, Instant at) {
        return Jdbc.first(dataSource, """
                        UPDATE purge_run r SET finished_at = ?,
                               outcome = CASE WHEN EXISTS (SELECT 1 FROM purge_run_participant p
                                                            WHERE p.run_id = r.id AND p.status <> 'ANSWERED')
                                              THEN 'PARTIAL' ELSE 'COMPLETE' END
                         WHERE r.id = ? RETURNING outcome""", rs -> PurgeOutcome.valueOf(rs.getString(1)), at, runId)
                .orElseThrow();
    }

    private static PurgeRun run(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new PurgeRun(
                rs.getObject("id", UUID.class),
                rs.getBoolean("dry_run"),
                Jdbc.instant(rs, "as_of"),
                rs.getString("started_by"),
                Jdbc.instant(rs, "started_at"),
                rs.getObject("scheduled_for", LocalDate.class),
                outcome == null ? null : PurgeOutcome.valueOf(outcome),
                Jdbc.instant(rs, "finished_at"));
    }
}
