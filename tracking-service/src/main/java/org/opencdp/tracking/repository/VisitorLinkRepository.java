package org.opencdp.tracking.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;

/** Which visitor ids were identified as which subject. */
@ApplicationScoped
public class VisitorLinkRepository {

    @Inject
    DataSource dataSource;

    /** Links the visitor unless it is linked already; returns the subject it is linked to now. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> link(String visitorId, UUID subjectId, Instant at) {
        Jdbc.update(
                dataSource,
                "INSERT INTO visitor_subject (visitor_id, subject_id, linked_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (visitor_id) DO NOTHING",
                visitorId,
                subjectId,
                at);
        return subjectOf(visitorId);
    }

    public Optional<UUID> subjectOf(String visitorId) {
        return Jdbc.first(
                dataSource,
                "SELECT subject_id FROM visitor_subject WHERE visitor_id = ?",
                rows -> Jdbc.uuid(rows, 1),
                visitorId);
    }

    /** The subject each of these visitors is linked to; unlinked visitors are left out. One query. */
    public Map<String, UUID> subjectsOf(Collection<String> visitorIds) {
        if (visitorIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.list(
                        dataSource,
                        "SELECT visitor_id, subject_id FROM visitor_subject WHERE visitor_id = ANY(?::text[])",
                        rows -> Map.entry(rows.getString(1), Jdbc.uuid(rows, 2)),
                        (Object) visitorIds.toArray(String[]::new))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<String> visitorsOf(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                "SELECT visitor_id FROM visitor_subject WHERE subject_id = ? ORDER BY visitor_id",
                rows -> rows.getString(1),
                subjectId);
    }

    @Transactional(TxType.MANDATORY)
    public int deleteOf(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM visitor_subject WHERE subject_id = ?", subjectId);
    }
}
