package org.opencdp.profile.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.LeadSource;
import org.opencdp.profile.domain.PipelineStage;

/** The leads (table {@code lead}). */
@ApplicationScoped
public class LeadRepository {

    private static final String SELECT = "SELECT id, kind, source, stage, version, details, created_at, updated_at,"
            + " last_touched_at, converted_at FROM lead";

    @Inject
    DataSource dataSource;

    public Optional<Lead> find(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ?", LeadRepository::read, id);
    }

    /** The lead, locked until the transaction ends. */
    public Optional<Lead> findLocked(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ? FOR NO KEY UPDATE", LeadRepository::read, id);
    }

    /** A new lead, version 0. */
    public void insert(Lead lead) {
        Jdbc.update(
                dataSource,
                "INSERT INTO lead (id, kind, source, stage, version, details, created_at, updated_at, last_touched_at,"
                        + " converted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                lead.id,
                lead.kind,
                lead.source,
                lead.stage,
                lead.version,
                lead.encryptedDetails,
                lead.createdAt,
                lead.updatedAt,
                lead.lastTouchedAt,
                lead.convertedAt);
    }

    /**
     * Writes the changed lead if the row still has the version it was read with, and counts the version up; another
     * version stored meanwhile (a concurrent change) is a 412 for the client.
     */
    public void updateGuardingVersion(Lead lead) {
        int updated = Jdbc.update(
                dataSource,
                "UPDATE lead SET source = ?, stage = ?, details = ?, updated_at = ?, last_touched_at = ?,"
                        + " converted_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                lead.source,
                lead.stage,
                lead.encryptedDetails,
                lead.updatedAt,
                lead.lastTouchedAt,
                lead.convertedAt,
                lead.id,
                lead.version);
        if (updated == 0) {
            throw ProblemException.preconditionFailed(
                    "The lead was changed at the same moment by someone else. Read it again and reapply your change.");
        }
        lead.version++;
    }

    /** Whether there was such a lead. */
    public boolean delete(UUID id) {
        return Jdbc.update(dataSource, "DELETE FROM lead WHERE id = ?", id) > 0;
    }

    /** Leads in id order after {@code after} (null: from the start), of one stage if given. */
    public List<Lead> page(PipelineStage stage, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (after != null) {
            sql.append(" AND id > ?");
            parameters.add(after);
        }
        if (stage != null) {
            sql.append(" AND stage = ?");
            parameters.add(stage);
        }
        sql.append(" ORDER BY id LIMIT ?");
        parameters.add(limit);
        return Jdbc.list(dataSource, sql.toString(), LeadRepository::read, parameters.toArray());
    }

    /** Leads not converted and untouched since before {@code cutoff}, oldest touch first. */
    public List<UUID> untouchedSince(Instant cutoff) {
        return Jdbc.list(
                dataSource,
                "SELECT id FROM lead WHERE converted_at IS NULL AND last_touched_at < ? ORDER BY last_touched_at, id",
                rs -> Jdbc.uuid(rs, 1),
                cutoff);
    }

    /** Which of these subjects are leads not yet converted. */
    public Set<UUID> openLeadsAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(Jdbc.list(
                dataSource,
                "SELECT id FROM lead WHERE id = ANY(?) AND converted_at IS NULL",
                rs -> Jdbc.uuid(rs, 1),
                ids));
    }

    private static Lead read(ResultSet rs) throws SQLException {
        Lead lead = new Lead();
        lead.id = Jdbc.uuid(rs, 1);
        lead.kind = CustomerKind.valueOf(rs.getString(2));
        lead.source = LeadSource.valueOf(rs.getString(3));
        lead.stage = PipelineStage.valueOf(rs.getString(4));
        lead.version = rs.getLong(5);
        lead.encryptedDetails = rs.getBytes(6);
        lead.createdAt = Jdbc.instant(rs, 7);
        lead.updatedAt = Jdbc.instant(rs, 8);
        lead.lastTouchedAt = Jdbc.instant(rs, 9);
        lead.convertedAt = Jdbc.instant(rs, 10);
        return lead;
    }
}
