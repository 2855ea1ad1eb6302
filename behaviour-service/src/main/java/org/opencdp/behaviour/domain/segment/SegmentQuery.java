package org.opencdp.behaviour.domain.segment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A segment's criteria compiled to one SQL query over the customers behaviour-service knows (attributes from
 * profile-service, KPIs from orders). Values only ever travel as bind parameters; the SQL text is built from fixed
 * fragments, one per kind of criterion. Restricted customers are never members.
 */
public record SegmentQuery(String sql, List<Object> parameters) {

    public static final int MAX_CRITERIA = 20;
    public static final int MAX_VALUES = 100;
    static final Set<String> CLV_TIERS = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Pattern REGION = Pattern.compile("[0-9]{2}");

    private static final String POPULATION = "SELECT p.subject_id FROM (SELECT subject_id FROM customer_attributes"
            + " UNION SELECT subject_id FROM customer_kpi) p"
            + " LEFT JOIN customer_attributes a ON a.subject_id = p.subject_id"
            + " LEFT JOIN customer_kpi k ON k.subject_id = p.subject_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = p.subject_id)";

    /** Why a criterion is not acceptable: the JSON path of the field and the reason. */
    public record Violation(String field, String message) {}

    /** The violations of the criteria; empty when they compile. */
    public static List<Violation> check(List<Criterion> criteria, Set<String> rfmSegments) {
        List<Violation> violations = new ArrayList<>();
        if (criteria == null || criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            violations.add(new Violation("criteria", "must hold 1 to " + MAX_CRITERIA + " criteria"));
            return violations;
        }
        for (int i = 0; i < criteria.size(); i++) {
            String at = "criteria[" + i + "]";
            switch (criteria.get(i)) {
                case null -> violations.add(new Violation(at, "must be a criterion"));
                case Criterion.AgeBand c -> values(violations, at + ".in", c.in(), null);
                case Criterion.Country c -> values(violations, at + ".in", c.in(), null);
                case Criterion.RfmSegment c -> values(violations, at + ".in", c.in(), rfmSegments);
                case Criterion.ClvTier c -> values(violations, at + ".in", c.in(), CLV_TIERS);
                case Criterion.PostcodeRegion c -> {
                    if (c.from() == null || !REGION.matcher(c.from()).matches()) {
                        violations.add(new Violation(at + ".from", "must be a two-digit region such as 80"));
                    }
                    if (c.to() == null || !REGION.matcher(c.to()).matches()) {
                        violations.add(new Violation(at + ".to", "must be a two-digit region such as 87"));
                    } else if (c.from() != null && c.from().compareTo(c.to()) > 0) {
                        violations.add(new Violation(at + ".to", "must not lie before from"));
                    }
                }
                case Criterion.BoughtCategory c -> {
                    if (c.category() == null
                            || c.category().isBlank()
                            || c.category().length() > 100) {
                        violations.add(new Violation(at + ".category", "must be 1 to 100 characters"));
                    }
                    if (c.withinDays() == null || c.withinDays() < 1 || c.withinDays() > 3660) {
                        violations.add(new Violation(at + ".withinDays", "must be 1 to 3660"));
                    }
                }
                case Criterion.RevenueAbove c -> {
                    if (c.amount() == null || c.amount().signum() < 0) {
                        violations.add(new Violation(at + ".amount", "must be an amount of at least 0"));
                    }
                }
            }
        }
        return violations;
    }

    /** Compiles criteria that passed {@link #check}. {@code now} anchors "within N days". */
    public static SegmentQuery compile(List<Criterion> criteria, Instant now) {
        StringBuilder sql = new StringBuilder(POPULATION);
        List<Object> parameters = new ArrayList<>();
        for (Criterion criterion : criteria) {
            sql.append(" AND ");
            switch (criterion) {
                case Criterion.AgeBand c -> {
                    sql.append("a.age_band = ANY(?)");
                    parameters.add(c.in().toArray(String[]::new));
                }
                case Criterion.Country c -> {
                    sql.append("a.country = ANY(?)");
                    parameters.add(c.in().toArray(String[]::new));
                }
                case Criterion.PostcodeRegion c -> {
                    sql.append("a.postcode_region BETWEEN ? AND ?");
                    parameters.add(c.from());
                    parameters.add(c.to());
                }
                case Criterion.BoughtCategory c -> {
                    sql.append("EXISTS (SELECT 1 FROM customer_order o JOIN order_line l ON l.order_id = o.id"
                            + " WHERE o.subject_id = p.subject_id AND o.cancelled_at IS NULL"
                            + " AND o.retained_until IS NULL AND l.category = ? AND o.ordered_at >= ?)");
                    parameters.add(c.category());
                    parameters.add(now.minus(c.withinDays(), ChronoUnit.DAYS));
                }
                case Criterion.RevenueAbove c -> {
                    sql.append("k.total_revenue > ?");
                    parameters.add(c.amount());
                }
                case Criterion.RfmSegment c -> {
                    sql.append("k.rfm_segment = ANY(?)");
                    parameters.add(c.in().toArray(String[]::new));
                }
                case Criterion.ClvTier c -> {
                    sql.append("p.subject_id IN (SELECT subject_id FROM (SELECT subject_id, CASE ntile(3) OVER"
                            + " (ORDER BY predicted_clv, subject_id) WHEN 1 THEN 'LOW' WHEN 2 THEN 'MEDIUM'"
                            + " ELSE 'HIGH' END AS tier FROM customer_kpi WHERE predicted_clv IS NOT NULL) t"
                            + " WHERE t.tier = ANY(?))");
                    parameters.add(c.in().toArray(String[]::new));
                }
            }
        }
        return new SegmentQuery(sql.toString(), List.copyOf(parameters));
    }

    private static void values(List<Violation> violations, String field, List<String> values, Set<String> allowed) {
        if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
            violations.add(new Violation(field, "must hold 1 to " + MAX_VALUES + " values"));
            return;
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > 100) {
                violations.add(new Violation(field, "values must be 1 to 100 characters"));
                return;
            }
            if (allowed != null && !allowed.contains(value)) {
                violations.add(
                        new Violation(field, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed)));
                return;
            }
        }
    }
}
