package org.opencdp.profile.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.profile.domain.CustomerFeedback;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<CustomerFeedback, UUID> {

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

    public List<CustomerFeedback> allOfSubject(UUID subjectId) {
        return list("subjectId = ?1 order by answeredAt, id", subjectId);
    }

    /** The subject's newest answer, if any (the 360° view). */
    public java.util.Optional<CustomerFeedback> latestOf(UUID subjectId) {
        return find("subjectId = ?1 order by answeredAt desc, id desc", subjectId)
                .firstResultOptional();
    }

    public long deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
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
                + " WHERE f.measure = ?1 AND f.answered_at >= ?2 AND f.answered_at < ?3"
                + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = f.subject_id)"
                + " GROUP BY 1" + (group.isEmpty() ? "" : ", 2") + " ORDER BY 1" + (group.isEmpty() ? "" : ", 2");
        @SuppressWarnings("unchecked")
        List<Object[]> found = getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, measure)
                .setParameter(2, from)
                .setParameter(3, until)
                .getResultList();
        List<String> columns = new ArrayList<>(List.of("month"));
        if (grouping.column != null) {
            columns.add(grouping.column);
        }
        columns.addAll(List.of("answers", "customers"));
        columns.addAll(figureColumns);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] values : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), plain(values[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object plain(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof Number number ? number.longValue() : value;
    }
}
