package org.opencdp.retention.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.retention.domain.RetentionPolicy;

@ApplicationScoped
public class PolicyRepository {

    private static final String SELECT = """
            SELECT v.*, c.description FROM retention_policy_version v
              JOIN retention_category c ON c.id = v.category""";

    @Inject
    DataSource dataSource;

    /** The policy in force of every category, by category id. */
    public List<RetentionPolicy> current() {
        return Jdbc.list(
                dataSource,
                SELECT
                        + " WHERE v.version = (SELECT max(m.version) FROM retention_policy_version m"
                        + " WHERE m.category = v.category) ORDER BY v.category",
                PolicyRepository::map);
    }

    /** Every version of a category, newest first; empty for an unknown category. */
    public List<RetentionPolicy> versions(String category) {
        return Jdbc.list(
                dataSource, SELECT + " WHERE v.category = ? ORDER BY v.version DESC", PolicyRepository::map, category);
    }

    /**
     * Locks the category for a new version, so concurrent changes are numbered one after the other; false when
     * there is no such category.
     */
    public boolean lockCategory(String category) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM retention_category WHERE id = ? FOR UPDATE")) {
                s.setString(1, category);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public void insert(RetentionPolicy p) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO retention_policy_version (category, version, period, start_event, round_to_end_of_year,
                                                          legal_reference, review_with_legal_counsel, review_note,
                                                          changed_by, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, p.category());
                s.setInt(2, p.version());
                s.setString(3, p.period().toString());
                s.setString(4, p.startEvent());
                s.setBoolean(5, p.roundToEndOfYear());
                s.setString(6, p.legalReference());
                s.setBoolean(7, p.reviewWithLegalCounsel());
                s.setString(8, p.reviewNote());
                s.setString(9, p.changedBy());
                s.setObject(10, Jdbc.timestamptz(p.changedAt()));
                return s.executeUpdate();
            }
        });
    }

    private static RetentionPolicy map(ResultSet rs) throws SQLException {
        return new RetentionPolicy(
                rs.getString("category"),
                rs.getString("description"),
                rs.getInt("version"),
                Period.parse(rs.getString("period")),
                rs.getString("start_event"),
                rs.getBoolean("round_to_end_of_year"),
                rs.getString("legal_reference"),
                rs.getBoolean("review_with_legal_counsel"),
                rs.getString("review_note"),
                rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"));
    }
}
