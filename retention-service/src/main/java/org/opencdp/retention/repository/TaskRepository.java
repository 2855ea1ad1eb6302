package org.opencdp.retention.repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.retention.domain.Channel;
import org.opencdp.retention.domain.ClaimedTask;
import org.opencdp.retention.domain.RequestTask;
import org.opencdp.retention.domain.RequestType;
import org.opencdp.retention.domain.TaskStatus;

@ApplicationScoped
public class TaskRepository {

    @Inject
    DataSource dataSource;

    public void insert(UUID requestId, List<String> participants, Instant dueAt) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO subject_request_task (request_id, participant, status, next_attempt_at)
                    VALUES (?, ?, 'PENDING', ?)""")) {
                for (String participant : participants) {
                    Jdbc.bind(c, s, requestId, participant, dueAt);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /**
     * Claims up to {@code limit} due tasks whose lease is free or has expired (the worker holding it died), so that
     * replicas never call a service for the same task at the same time. Each claim counts as an attempt.
     */
    public List<ClaimedTask> claimDue(Instant now, Instant leaseUntil, int limit) {
        return Jdbc.list(
                dataSource,
                """
                WITH due AS (
                    SELECT request_id, participant FROM subject_request_task
                     WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                     ORDER BY next_attempt_at
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE subject_request_task t SET lease_until = ?, attempts = t.attempts + 1
                      FROM due WHERE t.request_id = due.request_id AND t.participant = due.participant
                    RETURNING t.request_id, t.participant, t.attempts)
                SELECT claimed.*, r.type, r.subject_id, r.channel, r.rectification
                  FROM claimed JOIN subject_request r ON r.id = claimed.request_id""",
                rs -> new ClaimedTask(
                        Jdbc.uuid(rs, "request_id"),
                        rs.getString("participant"),
                        rs.getInt("attempts"),
                        RequestType.valueOf(rs.getString("type")),
                        Jdbc.uuid(rs, "subject_id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("rectification")),
                now,
                now,
                limit,
                leaseUntil);
    }

    /** Stores the service's answer; a task already done keeps its first answer. */
    public void done(UUID requestId, String participant, String resultJson, Instant at) {
        Jdbc.update(dataSource, """
                UPDATE subject_request_task
                   SET status = 'DONE', result = ?::jsonb, done_at = ?, lease_until = NULL, last_error = NULL
                 WHERE request_id = ? AND participant = ? AND status = 'PENDING'""", resultJson, at, requestId, participant);
    }

    /** The call did not get an answer (down, a timeout, a 5xx): asked again at {@code nextAttemptAt}. */
    public void retryLater(UUID requestId, String participant, String error, Instant nextAttemptAt) {
        Jdbc.update(dataSource, """
                UPDATE subject_request_task SET last_error = ?, next_attempt_at = ?, lease_until = NULL
                 WHERE request_id = ? AND participant = ? AND status = 'PENDING'""", error, nextAttemptAt, requestId, participant);
    }

    /** The service refused the call for good (a 4xx): the task waits for the dpo, who may retry it. */
    public void refused(UUID requestId, String participant, String error) {
        Jdbc.update(dataSource, """
                UPDATE subject_request_task SET status = 'FAILED', last_error = ?, lease_until = NULL
                 WHERE request_id = ? AND participant = ? AND status = 'PENDING'""", error, requestId, participant);
    }

    /** A failed task due again at {@code at}; true when the task was FAILED. Its last error stays until it answers. */
    public boolean retry(UUID requestId, String participant, Instant at) {
        return Jdbc.update(dataSource, """
                        UPDATE subject_request_task SET status = 'PENDING', next_attempt_at = ?
                         WHERE request_id = ? AND participant = ? AND status = 'FAILED'""", at, requestId, participant) == 1;
    }

    /** The services' exports kept for the subject's access and portability requests: request id and participant. */
    public List<Map<String, Object>> exportsHeldFor(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                """
                SELECT t.request_id, t.participant, t.done_at FROM subject_request_task t
                  JOIN subject_request r ON r.id = t.request_id
                 WHERE r.subject_id = ? AND r.type IN ('ACCESS', 'PORTABILITY') AND t.result IS NOT NULL
                 ORDER BY t.done_at, t.participant""",
                rs -> Map.of(
                        "requestId", Jdbc.uuid(rs, "request_id").toString(),
                        "participant", rs.getString("participant"),
                        "storedAt", Jdbc.instant(rs, "done_at").toString()),
                subjectId);
    }

    /** Deletes the copies of the subject's data gathered for its access and portability requests. */
    public int dropExportsOf(UUID subjectId) {
        return Jdbc.update(dataSource, """
                UPDATE subject_request_task t SET result = NULL
                  FROM subject_request r
                 WHERE r.id = t.request_id AND r.subject_id = ? AND r.type IN ('ACCESS', 'PORTABILITY')
                   AND t.result IS NOT NULL""", subjectId);
    }

    /** Drops the tasks of a request rejected before any service was asked. */
    public void cancel(UUID requestId) {
        Jdbc.update(dataSource, "DELETE FROM subject_request_task WHERE request_id = ?", requestId);
    }

    public List<RequestTask> tasksOf(UUID requestId) {
        return Jdbc.list(
                dataSource,
                "SELECT * FROM subject_request_task WHERE request_id = ? ORDER BY participant",
                rs -> new RequestTask(
                        requestId,
                        rs.getString("participant"),
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        Jdbc.instant(rs, "next_attempt_at"),
                        rs.getString("result"),
                        Jdbc.instant(rs, "done_at")),
                requestId);
    }
}
