package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO segment (id, name, criteria, created_by,"
                    + " created_at) VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                s.setObject(1, segment.id());
                s.setString(2, segment.name());
                s.setString(3, write(segment.criteria()));
                s.setString(4, segment.createdBy());
                s.setTimestamp(5, Timestamp.from(segment.createdAt()));
                return s.executeUpdate() == 1;
            }
        });
    }

    public List<Segment> all() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM segment ORDER BY name")) {
                return segments(s);
            }
        });
    }

    public Optional<Segment> find(UUID id) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM segment WHERE id = ?")) {
                s.setObject(1, id);
                return segments(s).stream().findFirst();
            }
        });
    }

    public boolean delete(UUID id) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM segment WHERE id = ?")) {
                s.setObject(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Replaces the segment's members with what its query finds now; returns how many. */
    public int refresh(UUID id, SegmentQuery query, Instant at) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM segment_member WHERE segment_id = ?")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            int members;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO segment_member (segment_id, subject_id) SELECT ?, m.subject_id FROM (" + query.sql()
                            + ") m")) {
                s.setObject(1, id);
                for (int i = 0; i < query.parameters().size(); i++) {
                    s.setObject(i + 2, query.parameters().get(i));
                }
                members = s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE segment SET refreshed_at = ?, members = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setInt(2, members);
                s.setObject(3, id);
                s.executeUpdate();
            }
            return members;
        });
    }

    /** Members by subject id, after the cursor. */
    public List<UUID> members(UUID id, UUID after, int limit) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT subject_id FROM segment_member WHERE segment_id = ?"
                    + " AND (CAST(? AS uuid) IS NULL OR subject_id > ?) ORDER BY subject_id LIMIT ?")) {
                s.setObject(1, id);
                s.setObject(2, after);
                s.setObject(3, after);
                s.setInt(4, limit);
                List<UUID> members = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        members.add(rs.getObject(1, UUID.class));
                    }
                }
                return members;
            }
        });
    }

    public List<String> segmentsOf(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT g.name FROM segment_member m JOIN segment g"
                    + " ON g.id = m.segment_id WHERE m.subject_id = ? ORDER BY g.name")) {
                s.setObject(1, subjectId);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            }
        });
    }

    public int removeMember(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM segment_member WHERE subject_id = ?")) {
                s.setObject(1, subjectId);
                return s.executeUpdate();
            }
        });
    }

    private List<Segment> segments(PreparedStatement s) throws SQLException {
        List<Segment> segments = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp refreshed = rs.getTimestamp("refreshed_at");
                segments.add(new Segment(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        read(rs.getString("criteria")),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        refreshed == null ? null : refreshed.toInstant(),
                        rs.getInt("members")));
            }
        }
        return segments;
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
