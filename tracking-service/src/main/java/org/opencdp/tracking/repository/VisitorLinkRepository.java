package org.opencdp.tracking.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Which visitor ids were identified as which subject. */
@ApplicationScoped
public class VisitorLinkRepository {

    @Inject
    DataSource dataSource;

    /** Links the visitor unless it is linked already; returns the subject it is linked to now. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> link(String visitorId, UUID subjectId, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO visitor_subject (visitor_id, subject_id, linked_at) VALUES (?, ?, ?) "
                                + "ON CONFLICT (visitor_id) DO NOTHING")) {
            insert.setString(1, visitorId);
            insert.setObject(2, subjectId);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot link a visitor", e);
        }
        return subjectOf(visitorId);
    }

    public Optional<UUID> subjectOf(String visitorId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT subject_id FROM visitor_subject WHERE visitor_id = ?")) {
            select.setString(1, visitorId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read visitor links", e);
        }
    }

    /** The subject each of these visitors is linked to; unlinked visitors are left out. One query. */
    public Map<String, UUID> subjectsOf(Collection<String> visitorIds) {
        if (visitorIds.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT visitor_id, subject_id FROM visitor_subject WHERE visitor_id = ANY(?::text[])")) {
            select.setArray(1, c.createArrayOf("text", visitorIds.toArray()));
            Map<String, UUID> subjects = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subjects.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return subjects;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read visitor links", e);
        }
    }

    public List<String> visitorsOf(UUID subjectId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT visitor_id FROM visitor_subject WHERE subject_id = ? ORDER BY visitor_id")) {
            select.setObject(1, subjectId);
            List<String> visitors = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    visitors.add(rows.getString(1));
                }
            }
            return visitors;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read visitor links", e);
        }
    }

    @Transactional(TxType.MANDATORY)
    public int deleteOf(UUID subjectId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM visitor_subject WHERE subject_id = ?")) {
            delete.setObject(1, subjectId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete visitor links", e);
        }
    }
}
