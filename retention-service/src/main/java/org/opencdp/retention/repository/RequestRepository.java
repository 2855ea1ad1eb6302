package org.opencdp.retention.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.retention.domain.Channel;
import org.opencdp.retention.domain.Extension;
import org.opencdp.retention.domain.RequestFilter;
import org.opencdp.retention.domain.RequestState;
import org.opencdp.retention.domain.RequestType;
import org.opencdp.retention.domain.SubjectRequest;
import org.opencdp.retention.domain.Verification;
import org.opencdp.retention.domain.VerificationMethod;

@ApplicationScoped
public class RequestRepository {

    private static final String OPEN = "('RECEIVED', 'VERIFIED', 'IN_PROGRESS')";
    /** A request with whether one of its tasks failed for good (needs the dpo's attention). */
    private static final String SELECT = """
            SELECT r.*, EXISTS (SELECT 1 FROM subject_request_task t
                                 WHERE t.request_id = r.id AND t.status = 'FAILED') AS needs_attention
              FROM subject_request r""";

    @Inject
    DataSource dataSource;

    public void insert(SubjectRequest r) {
        Jdbc.update(
                dataSource,
                """
                INSERT INTO subject_request (id, type, subject_id, channel, received_on, due_on, state, filed_by,
                                             filed_at, rectification)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                r.id(),
                r.type(),
                r.subjectId(),
                r.channel(),
                r.receivedOn(),
                r.dueOn(),
                r.state(),
                r.filedBy(),
                r.filedAt(),
                r.rectification());
    }

    /** The request, locked for the change the caller is about to make. */
    public Optional<SubjectRequest> findForUpdate(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE r.id = ? FOR UPDATE OF r", RequestRepository::map, id);
    }

    public Optional<SubjectRequest> find(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE r.id = ?", RequestRepository::map, id);
    }

    /**
     * Up to {@code limit} requests after the request {@code after} (null: from the start): every request newest first,
     * or the watch lists by due date, the most urgent first. The position is the one {@code after} has now.
     */
    public List<SubjectRequest> list(RequestFilter filter, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (filter.dueBy() != null) {
            sql.append(" AND state IN " + OPEN + " AND due_on <= ?");
            parameters.add(filter.dueBy());
        }
        if (filter.overdueOn() != null) {
            sql.append(" AND state IN " + OPEN + " AND due_on < ?");
            parameters.add(filter.overdueOn());
        }
        if (after != null) {
            sql.append(
                    filter.byDueDate()
                            ? " AND (r.due_on, r.id) > (SELECT due_on, id FROM subject_request WHERE id = ?)"
                            : " AND (r.filed_at, r.id) < (SELECT filed_at, id FROM subject_request WHERE id = ?)");
            parameters.add(after);
        }
        sql.append(filter.byDueDate() ? " ORDER BY r.due_on, r.id" : " ORDER BY r.filed_at DESC, r.id DESC");
        sql.append(" LIMIT ?");
        parameters.add(limit);
        return Jdbc.list(dataSource, sql.toString(), RequestRepository::map, parameters.toArray());
    }

    /** How many open requests are in {@code state}, overdue on {@code day} or not. */
    public long countOpen(RequestState state, boolean overdue, LocalDate day) {
        String sql =
                "SELECT count(*) FROM subject_request WHERE state = ? AND " + (overdue ? "due_on < ?" : "due_on >= ?");
        return Jdbc.first(dataSource, sql, rs -> rs.getLong(1), state, day).orElseThrow();
    }

    public void verified(UUID id, Verification verification) {
        Jdbc.update(
                dataSource,
                "UPDATE subject_request SET state = 'VERIFIED', verified_by = ?, verification_method = ?, "
                        + "verified_at = ? WHERE id = ?",
                verification.verifiedBy(),
                verification.method(),
                verification.verifiedAt(),
                id);
    }

    public void extended(UUID id, LocalDate dueOn, Extension extension) {
        Jdbc.update(
                dataSource,
                "UPDATE subject_request SET due_on = ?, extension_reason = ?, extension_notice_on = ? WHERE id = ?",
                dueOn,
                extension.reason(),
                extension.noticeSentOn(),
                id);
    }

    public void rejected(UUID id, String reason, Instant at) {
        Jdbc.update(
                dataSource,
                "UPDATE subject_request SET state = 'REJECTED', rejection_reason = ?, completed_at = ? WHERE id = ?",
                reason,
                at,
                id);
    }

    /** The worker started on a verified request. */
    public void started(UUID id) {
        Jdbc.update(
                dataSource, "UPDATE subject_request SET state = 'IN_PROGRESS' WHERE id = ? AND state = 'VERIFIED'", id);
    }

    /**
     * Completes the request once all its tasks are done (a FAILED task keeps it open); true only for the call that
     * completed it. A rectification's patch goes then: the corrected values live in the services that applied it.
     */
    public boolean completeIfAllDone(UUID id, Instant at) {
        return Jdbc.update(dataSource, """
                        UPDATE subject_request r SET state = 'COMPLETED', completed_at = ?, rectification = NULL
                         WHERE r.id = ? AND r.state IN ('VERIFIED', 'IN_PROGRESS')
                           AND NOT EXISTS (SELECT 1 FROM subject_request_task t
                                            WHERE t.request_id = r.id AND t.status <> 'DONE')""", at, id) == 1;
    }

    /** The patches of the subject's rectification requests not completed yet: request id and patch as JSON text. */
    public List<Map<String, String>> rectificationsOf(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                "SELECT id, rectification FROM subject_request WHERE subject_id = ? AND rectification IS NOT NULL "
                        + "ORDER BY filed_at",
                rs -> Map.of("requestId", rs.getString("id"), "patch", rs.getString("rectification")),
                subjectId);
    }

    /** Drops the patches of the subject's rectification requests (an erasure of the subject). */
    public int dropRectificationsOf(UUID subjectId) {
        return Jdbc.update(
                dataSource,
                "UPDATE subject_request SET rectification = NULL WHERE subject_id = ? AND rectification IS NOT NULL",
                subjectId);
    }

    private static SubjectRequest map(ResultSet rs) throws SQLException {
        String method = rs.getString("verification_method");
        Verification verification = method == null
                ? null
                : new Verification(
                        rs.getString("verified_by"),
                        VerificationMethod.valueOf(method),
                        Jdbc.instant(rs, "verified_at"));
        String reason = rs.getString("extension_reason");
        Extension extension =
                reason == null ? null : new Extension(reason, rs.getObject("extension_notice_on", LocalDate.class));
        return new SubjectRequest(
                rs.getObject("id", UUID.class),
                RequestType.valueOf(rs.getString("type")),
                rs.getObject("subject_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                RequestState.valueOf(rs.getString("state")),
                verification,
                extension,
                rs.getString("rejection_reason"),
                rs.getString("filed_by"),
                Jdbc.instant(rs, "filed_at"),
                Jdbc.instant(rs, "completed_at"),
                rs.getString("rectification"),
                rs.getBoolean("needs_attention"));
    }
}
