package org.opencdp.profile.repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.CustomerFeedback;
import org.opencdp.profile.domain.FeedbackMeasure;
import org.opencdp.profile.domain.FeedbackSource;

/** The satisfaction answers (table {@code customer_feedback}) and the reports over them. */
@ApplicationScoped
public class FeedbackRepository {

    private static final String SELECT = "SELECT id, subject_id, measure, score, comment, source, answered_at,"
            + " about_entry_id, timeline_entry_id, recorded_at FROM customer_feedback";

    @Inject
    DataSource dataSource;

    /** What a report row is grouped by besides the month: nothing, the customer's kind, or the answer's source. */
    public enum Grouping {
        NONE(null, null),
        CUSTOMER_KIND("customerKind", "c.kind"),
        SOURCE("source", "f.source");

        final String column;
        final String expression;

        Grouping(String column, String expression) {
            this.column = column;
            this.expression = expression;
        }

        /** The report's column of the group; null for none. */
        public String column() {
            return column;
        }
    }

    public void insert(CustomerFeedback answer) {
        Jdbc.update(
                dataSource,
                "INSERT INTO customer_feedback (id, subject_id, measure, score, comment, source, answered_at,"
                        + " about_entry_id, timeline_entry_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                answer.id,
                answer.subjectId,
                answer.measure,
                answer.score,
                answer.encryptedComment,
                answer.source,
                answer.answeredAt,
                answer.aboutEntryId,
                answer.timelineEntryId,
                answer.recordedAt);
    }

    public List<CustomerFeedback> allOfSubject(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id = ? ORDER BY answered_at, id",
                FeedbackRepository::read,
                subjectId);
    }

    /** The subject's newest answer, if any (the 360° view). */
    public Optional<CustomerFeedback> latestOf(UUID subjectId) {
        return Jdbc.first(
                dataSource,
                SELECT + " WHERE subject_id = ? ORDER BY answered_at DESC, id DESC LIMIT 1",
                FeedbackRepository::read,
                subjectId);
    }

    public long deleteAllOf(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM customer_feedback WHERE subject_id = ?", subjectId);
    }

    /**
     * NPS per month (UTC) of answers in [from, until): answers, distinct customers, promoters (9-10), passives (7-8),
     * detractors (0-6) and the score, promoters' share minus detractors' share in percent. Restricted customers are
     * left out.
     */
    public List<Map<String, Object>> npsPerMonth(Instant from, Instant until, Grouping grouping) {
        return rows("""
                round(100.0 * (count(*) FILTER (WHERE f.score >= 9) - count(*) FILTER (WHERE f.score <= 6))
                      / count(*), 1),
                count(*) FILTER (WHERE f.score >= 9), count(*) FILTER (WHERE f.score BETWEEN 7 AND 8),
                count(*) FILTER (WHERE f.score <= 6)""", List.of("nps", "promoters", "passives", "detractors"), "NPS", from, until, grouping);
    }

    /** CSAT per month (UTC): answers, distinct customers, the average and how many answered each score 1-5. */
    public List<Map<String, Object>> csatPerMonth(Instant from, Instant until, Grouping grouping) {
        return rows(
                """
                round(avg(f.score), 2), count(*) FILTER (WHERE f.score = 1), count(*) FILTER (WHERE f.score = 2),
                count(*) FILTER (WHERE f.score = 3), count(*) FILTER (WHERE f.score = 4),
                count(*) FILTER (WHERE f.score = 5)""",
                List.of("average", "rating1", "rating2", "rating3", "rating4", "rating5"),
                "CSAT",
                from,
                until,
                grouping);
    }

    private List<Map<String, Object>> rows(
            String figures,
            List<String> figureColumns,
            String measure,
            Instant from,
            Instant until,
            Grouping grouping) {
        String group = grouping.expression == null ? "" : ", " + grouping.expression;
        String sql = "SELECT to_char(f.answered_at AT TIME ZONE 'UTC', 'YYYY-MM')" + group
                + ", count(*), count(DISTINCT f.subject_id), " + figures
                + " FROM customer_feedback f JOIN customer c ON c.id = f.subject_id"
                + " WHERE f.measure = ? AND f.answered_at >= ? AND f.answered_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = f.subject_id)"
                + " GROUP BY 1" + (group.isEmpty() ? "" : ", 2") + " ORDER BY 1" + (group.isEmpty() ? "" : ", 2");
        List<String> columns = new ArrayList<>(List.of("month"));
        if (grouping.column != null) {
            columns.add(grouping.column);
        }
        columns.addAll(List.of("answers", "customers"));
        columns.addAll(figureColumns);
        return Jdbc.list(
                dataSource,
                sql,
                rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), plain(rs.getObject(i + 1)));
                    }
                    return row;
                },
                measure,
                from,
                until);
    }

    private static Object plain(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof Number number ? number.longValue() : value;
    }

    private static CustomerFeedback read(ResultSet rs) throws SQLException {
        CustomerFeedback answer = new CustomerFeedback();
        answer.id = Jdbc.uuid(rs, 1);
        answer.subjectId = Jdbc.uuid(rs, 2);
        answer.measure = FeedbackMeasure.valueOf(rs.getString(3));
        answer.score = rs.getInt(4);
        answer.encryptedComment = rs.getBytes(5);
        answer.source = FeedbackSource.valueOf(rs.getString(6));
        answer.answeredAt = Jdbc.instant(rs, 7);
        answer.aboutEntryId = Jdbc.uuid(rs, 8);
        answer.timelineEntryId = Jdbc.uuid(rs, 9);
        answer.recordedAt = Jdbc.instant(rs, 10);
        return answer;
    }
}
