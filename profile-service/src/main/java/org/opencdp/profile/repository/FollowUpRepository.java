package org.opencdp.profile.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.FollowUp;

/** The follow-up reminders (table {@code follow_up}). */
@ApplicationScoped
public class FollowUpRepository {

    private static final String SELECT =
            "SELECT id, subject_id, owner, due_date, note, done, completed_at, created_at," + " version FROM follow_up";

    @Inject
    DataSource dataSource;

    public Optional<FollowUp> find(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ?", FollowUpRepository::read, id);
    }

    /** A new follow-up, version 0. */
    public void insert(FollowUp followUp) {
        Jdbc.update(
                dataSource,
                "INSERT INTO follow_up (id, subject_id, owner, due_date, note, done, completed_at, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                followUp.id,
                followUp.subjectId,
                followUp.owner,
                followUp.dueDate,
                followUp.encryptedNote,
                followUp.done,
                followUp.completedAt,
                followUp.createdAt,
                followUp.version);
    }

    /**
     * Writes whether it is done, if the row still has the version it was read with, and counts the version up; a
     * concurrent completion or reopening committed meanwhile is a conflict (409): the caller reads it again.
     */
    public void updateDone(FollowUp followUp) {
        int updated = Jdbc.update(
                dataSource,
                "UPDATE follow_up SET done = ?, completed_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                followUp.done,
                followUp.completedAt,
                followUp.id,
                followUp.version);
        if (updated == 0) {
            throw ProblemException.conflict("The follow-up was changed at the same moment by someone else. Read it"
                    + " again and reapply your change.");
        }
        followUp.version++;
    }

    /**
     * Open follow-ups of an agent ({@code owner}) or on a subject ({@code subjectId}), whichever is given, due in
     * [from, to] (null: unbounded), in due order, after the follow-up {@code after} of that order (null: from the
     * start).
     */
    public List<FollowUp> open(String owner, UUID subjectId, LocalDate from, LocalDate to, FollowUp after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE NOT done");
        List<Object> parameters = new ArrayList<>();
        if (owner != null) {
            sql.append(" AND owner = ?");
            parameters.add(owner);
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = ?");
            parameters.add(subjectId);
        }
        if (from != null) {
            sql.append(" AND due_date >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND due_date <= ?");
            parameters.add(to);
        }
        if (after != null) {
            sql.append(" AND (due_date > ? OR (due_date = ? AND id > ?))");
            parameters.addAll(List.of(after.dueDate, after.dueDate, after.id));
        }
        sql.append(" ORDER BY due_date, id LIMIT ?");
        parameters.add(limit);
        return Jdbc.list(dataSource, sql.toString(), FollowUpRepository::read, parameters.toArray());
    }

    public List<FollowUp> of(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id = ? ORDER BY due_date, id",
                FollowUpRepository::read,
                subjectId);
    }

    public long deleteOf(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM follow_up WHERE subject_id = ?", subjectId);
    }

    private static FollowUp read(ResultSet rs) throws SQLException {
        FollowUp followUp = new FollowUp();
        followUp.id = Jdbc.uuid(rs, 1);
        followUp.subjectId = Jdbc.uuid(rs, 2);
        followUp.owner = rs.getString(3);
        followUp.dueDate = Jdbc.date(rs, 4);
        followUp.encryptedNote = rs.getBytes(5);
        followUp.done = rs.getBoolean(6);
        followUp.completedAt = Jdbc.instant(rs, 7);
        followUp.createdAt = Jdbc.instant(rs, 8);
        followUp.version = rs.getLong(9);
        return followUp;
    }
}
