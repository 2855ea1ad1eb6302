package org.opencdp.tracking.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * A subject's web activity as a sign of life: an event received since a moment, sent under the subject's id or by a
 * visitor linked to it. The time is the receipt ({@code received_at}, the partition key, so only the partitions since
 * then are read), not the browser's clock; the lookups go through {@code tracked_event_subject},
 * {@code visitor_subject_subject} and {@code tracked_event_visitor}.
 */
@ApplicationScoped
public class SubjectActivityRepository {

    @Inject
    DataSource dataSource;

    /** The subjects among {@code subjectIds} with an event of their own or of a linked visitor at or after since. */
    public List<UUID> activeSince(Collection<UUID> subjectIds, Instant since) {
        return Jdbc.list(dataSource, """
                SELECT DISTINCT e.subject_id FROM tracked_event e
                 WHERE e.subject_id = ANY (?) AND e.received_at >= ?
                UNION
                SELECT l.subject_id FROM visitor_subject l
                 WHERE l.subject_id = ANY (?) AND EXISTS (
                       SELECT 1 FROM tracked_event e WHERE e.visitor_id = l.visitor_id AND e.received_at >= ?)""", rows -> Jdbc.uuid(rows, 1), subjectIds, since, subjectIds, since);
    }
}
