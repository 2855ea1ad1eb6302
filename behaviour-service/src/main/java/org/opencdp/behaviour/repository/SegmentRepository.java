package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.segment.Criterion;
import org.opencdp.behaviour.domain.segment.Segment;
import org.opencdp.behaviour.domain.segment.SegmentQuery;
import org.opencdp.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Segment definitions and memberships. */
@ApplicationScoped
public class SegmentRepository {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** False when the name is taken. */
    public boolean add(Segment segment) {
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO segment (id, name, criteria, created_by,"
                                + " created_at) VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (name) DO NOTHING",
                        segment.id(),
                        segment.name(),
                        write(segment.criteria()),
                        segment.createdBy(),
                        segment.createdAt())
                == 1;
    }

    public List<Segment> all() {
        return Jdbc.list(dataSource, "SELECT * FROM segment ORDER BY name", this::segment);
    }

    public Optional<Segment> find(UUID id) {
        return Jdbc.first(dataSource, "SELECT * FROM segment WHERE id = ?", this::segment, id);
    }

    public boolean delete(UUID id) {
        return Jdbc.update(dataSource, "DELETE FROM segment WHERE id = ?", id) == 1;
    }

    /** Replaces the segment's members with what its query finds now; returns how many. */
    public int refresh(UUID id, SegmentQuery query, Instant at) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM segment_member WHERE segment_id = ?")) {
                Jdbc.bind(c, s, id);
                s.executeUpdate();
            }
            int members;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO segment_member (segment_id, subject_id) SELECT ?, m.subject_id FROM (" + query.sql()
                            + ") m")) {
                List<Object> parameters = new ArrayList<>(query.parameters().size() + 1);
                parameters.add(id);
                parameters.addAll(query.parameters());
                Jdbc.bind(c, s, parameters.toArray());
                members = s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE segment SET refreshed_at = ?, members = ? WHERE id = ?")) {
                Jdbc.bind(c, s, at, members, id);
                s.executeUpdate();
            }
            return members;
        });
    }

    /** Members by subject id, after the cursor. */
    public List<UUID> members(UUID id, UUID after, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT subject_id FROM segment_member WHERE segment_id = ?"
                        + " AND (CAST(? AS uuid) IS NULL OR subject_id > ?) ORDER BY subject_id LIMIT ?",
                rs -> Jdbc.uuid(rs, 1),
                id,
                after,
                after,
                limit);
    }

    public List<String> segmentsOf(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                "SELECT g.name FROM segment_member m JOIN segment g"
                        + " ON g.id = m.segment_id WHERE m.subject_id = ? ORDER BY g.name",
                rs -> rs.getString(1),
                subjectId);
    }

    public int removeMember(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM segment_member WHERE subject_id = ?", subjectId);
    }

    private Segment segment(ResultSet rs) throws SQLException {
        return new Segment(
                Jdbc.uuid(rs, "id"),
                rs.getString("name"),
                read(rs.getString("criteria")),
                rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "refreshed_at"),
                rs.getInt("members"));
    }

    private String write(List<Criterion> criteria) {
        try {
            return json.writerFor(new TypeReference<List<Criterion>>() {}).writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("criteria are plain records", e);
        }
    }

    private List<Criterion> read(String criteria) {
        try {
            return json.readValue(criteria, new TypeReference<List<Criterion>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored criteria are unreadable", e);
        }
    }
}
