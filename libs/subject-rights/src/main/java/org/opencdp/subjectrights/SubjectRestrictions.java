package org.opencdp.subjectrights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.problem.ProblemException;

/**
 * Which subjects' processing is restricted. Services ask before they use a subject's data for anything but
 * storage: {@code restrictions.requireUnrestricted(subjectId)}.
 */
@ApplicationScoped
public class SubjectRestrictions {

    public enum Basis {
        /** The subject asked for restriction (Art. 18). */
        ART18_REQUEST,
        /** An erasure kept records a retention law requires; they may only serve that duty. */
        LEGAL_HOLD
    }

    @Inject
    DataSource dataSource;

    @Transactional
    public boolean isRestricted(UUID subjectId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM subject_restriction WHERE subject_id = ?")) {
            s.setObject(1, subjectId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read restrictions", e);
        }
    }

    /** Which of these subjects are restricted, with one query (for search results). */
    @Transactional
    public Set<UUID> restrictedAmong(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT subject_id FROM subject_restriction WHERE subject_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", subjectIds.toArray()));
            Set<UUID> restricted = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    restricted.add(rs.getObject(1, UUID.class));
                }
            }
            return restricted;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read restrictions", e);
        }
    }

    /** Refuses processing of a restricted subject with a 409 problem. */
    public void requireUnrestricted(UUID subjectId) {
        if (isRestricted(subjectId)) {
            throw ProblemException.conflict("Processing of this subject is restricted (GDPR Art. 18); "
                    + "its data is kept but may not be used.");
        }
    }

    /** The subjects whose legal hold ended before {@code day}: their kept records need not be readable any more. */
    @Transactional
    public List<UUID> legalHoldsEndedBefore(LocalDate day) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT subject_id FROM subject_restriction WHERE basis = ? AND until < ? ORDER BY until")) {
            s.setString(1, Basis.LEGAL_HOLD.name());
            s.setObject(2, day);
            List<UUID> ended = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ended.add(rs.getObject(1, UUID.class));
                }
            }
            return ended;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read restrictions", e);
        }
    }

    @Transactional
    public void restrict(UUID subjectId, Basis basis, UUID requestId, LocalDate until) {
        update("""
                INSERT INTO subject_restriction (subject_id, basis, request_id, until) VALUES (?, ?, ?, ?)
                ON CONFLICT (subject_id, basis) DO UPDATE SET request_id = excluded.request_id, until = excluded.until
                """, subjectId, basis.name(), requestId, until);
    }

    @Transactional
    public void lift(UUID subjectId, Basis basis) {
        update("DELETE FROM subject_restriction WHERE subject_id = ? AND basis = ?", subjectId, basis.name());
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot change restrictions", e);
        }
    }
}
