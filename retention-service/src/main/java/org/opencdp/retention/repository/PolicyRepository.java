package org.opencdp.retention.repository;

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
        return Jdbc.first(dataSource, "SELECT 1 FROM retention_category WHERE id = ? FOR UPDATE", rs -> true, category)
                .isPresent();
    }

    public void insert(RetentionPolicy p) {
        Jdbc.update(
                dataSource,
                """
                INSERT INTO retention_policy_version (category, version, period, start_event, round_to_end_of_year,
                                                      legal_reference, review_with_legal_counsel, review_note,
                                                      changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.category(),
                p.version(),
                p.period().toString(),
                p.startEvent(),
                p.roundToEndOfYear(),
                p.legalReference(),
                p.reviewWithLegalCounsel(),
                p.reviewNote(),
                p.changedBy(),
                p.changedAt());
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
