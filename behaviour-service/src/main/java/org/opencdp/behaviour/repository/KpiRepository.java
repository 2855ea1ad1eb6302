package org.opencdp.behaviour.repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.clv.PurchaseSummary;
import org.opencdp.behaviour.domain.kpi.CustomerKpis;
import org.opencdp.behaviour.domain.kpi.RfmGrid;
import org.opencdp.jdbc.Jdbc;

/**
 * The KPI tables, recomputed for all customers in set-based SQL (window functions; ntile for the RFM quintiles)
 * and read one customer at a time.
 */
@ApplicationScoped
public class KpiRepository {

    /**
     * The orders that count, one row each: not cancelled, not kept only for a retention duty, of a customer whose
     * processing is not restricted. Revenue is the total less what was returned, in the reporting currency (at the
     * rate of the order date, rounded to 4 places per order); the day is the UTC date.
     */
    static final String COUNTED_ORDERS = "counted AS (SELECT o.subject_id, o.ordered_at,"
            + " round((o.total - o.returned) * o.reporting_rate, 4) AS revenue,"
            + " (o.ordered_at AT TIME ZONE 'UTC')::date AS day FROM customer_order o"
            + " WHERE o.cancelled_at IS NULL AND o.retained_until IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = o.subject_id))";

    private static final String RECOMPUTE = "INSERT INTO customer_kpi (subject_id, currency, total_revenue,"
            + " order_count, average_order_value, first_purchase, last_purchase, purchase_days, mean_days_between,"
            + " median_days_between, next_expected_purchase, recency_score, frequency_score, monetary_score,"
            + " rfm_segment, historical_clv, computed_at)"
            + " WITH " + COUNTED_ORDERS + ","
            + " purchase_day AS (SELECT DISTINCT subject_id, day FROM counted),"
            + " gap AS (SELECT subject_id, day - lag(day) OVER (PARTITION BY subject_id ORDER BY day) AS days"
            + "   FROM purchase_day),"
            + " cadence AS (SELECT subject_id, count(*) AS purchase_days, avg(days) AS mean_gap,"
            + "   percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_gap FROM gap GROUP BY subject_id),"
            + " totals AS (SELECT subject_id, sum(revenue) AS revenue, count(*) AS orders,"
            + "   min(ordered_at) AS first_at, max(ordered_at) AS last_at, max(day) AS last_day"
            + "   FROM counted GROUP BY subject_id),"
            + " ranked AS (SELECT t.*,"
            + "   ntile(5) OVER (ORDER BY last_day, subject_id) AS r_rank,"
            + "   ntile(5) OVER (ORDER BY orders, subject_id) AS f_rank,"
            + "   ntile(5) OVER (ORDER BY revenue, subject_id) AS m_rank FROM totals t),"
            // Equal values get equal scores: the lowest quintile their tie group reaches.
            + " scored AS (SELECT r.*, min(r_rank) OVER (PARTITION BY last_day) AS r_score,"
            + "   min(f_rank) OVER (PARTITION BY orders) AS f_score,"
            + "   min(m_rank) OVER (PARTITION BY revenue) AS m_score FROM ranked r)"
            + " SELECT s.subject_id, ?, s.revenue, s.orders, round(s.revenue / s.orders, 4), s.first_at, s.last_at,"
            + "   c.purchase_days, round(c.mean_gap, 2), round(c.median_gap::numeric, 2),"
            + "   s.last_day + round(c.mean_gap)::int, s.r_score, s.f_score, s.m_score, g.segment,"
            + "   round(s.revenue * ?, 4), ?"
            + " FROM scored s JOIN cadence c ON c.subject_id = s.subject_id"
            + " JOIN unnest(?::int[], ?::int[], ?::text[]) AS g(r, fm, segment)"
            + "   ON g.r = s.r_score AND g.fm = (s.f_score + s.m_score + 1) / 2";

    private static final String MONTHS = "INSERT INTO customer_revenue_month (subject_id, month, revenue, orders)"
            + " WITH " + COUNTED_ORDERS
            + " SELECT subject_id, date_trunc('month', day)::date, sum(revenue), count(*) FROM counted"
            + " GROUP BY subject_id, date_trunc('month', day)";

    /**
     * Each customer's purchase summary for the CLV model as of the end of a day: purchase days (orders of one day
     * are one transaction with their summed revenue), repeat transactions, recency and age in weeks, average value
     * of the repeat transactions.
     */
    private static final String SUMMARIES = "WITH " + COUNTED_ORDERS + ","
            + " purchase_day AS (SELECT subject_id, day, sum(revenue) AS revenue FROM counted WHERE day <= ?"
            + "   GROUP BY subject_id, day),"
            + " history AS (SELECT subject_id, min(day) AS first_day, max(day) AS last_day, count(*) - 1 AS x,"
            + "   sum(revenue) AS revenue FROM purchase_day GROUP BY subject_id)"
            + " SELECT h.subject_id, h.x, (h.last_day - h.first_day) / 7.0, (?::date - h.first_day) / 7.0,"
            + "   CASE WHEN h.x = 0 THEN 0 ELSE (h.revenue - f.revenue) / h.x END"
            + " FROM history h JOIN purchase_day f ON f.subject_id = h.subject_id AND f.day = h.first_day";

    /** A customer's purchase summary for the CLV model. */
    public record Summary(UUID subjectId, PurchaseSummary purchases) {}

    @Inject
    DataSource dataSource;

    /** Replaces every customer's KPIs (predicted CLV empty until {@link #setPredictions}); returns how many. */
    public int recompute(RfmGrid grid, String currency, BigDecimal margin, Instant at) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_kpi")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_revenue_month")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(MONTHS)) {
                s.executeUpdate();
            }
            List<RfmGrid.Cell> cells = grid.cells();
            try (PreparedStatement s = c.prepareStatement(RECOMPUTE)) {
                Jdbc.bind(
                        c,
                        s,
                        currency,
                        margin,
                        at,
                        cells.stream().map(RfmGrid.Cell::recency).toArray(Integer[]::new),
                        cells.stream().map(RfmGrid.Cell::frequencyMonetary).toArray(Integer[]::new),
                        cells.stream().map(RfmGrid.Cell::segment).toArray(String[]::new));
                return s.executeUpdate();
            }
        });
    }

    public List<Summary> purchaseSummaries(LocalDate observedUntil) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(SUMMARIES)) {
                Jdbc.bind(c, s, observedUntil, observedUntil);
                s.setFetchSize(10_000);
                List<Summary> summaries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int x = rs.getInt(2);
                        summaries.add(new Summary(
                                rs.getObject(1, UUID.class),
                                new PurchaseSummary(
                                        x, x == 0 ? 0 : rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))));
                    }
                }
                return summaries;
            }
        });
    }

    /** Stores predicted CLV and probability alive for many customers in one statement. */
    public void setPredictions(List<UUID> subjects, List<BigDecimal> values, List<Double> probabilities) {
        Jdbc.update(
                dataSource,
                "UPDATE customer_kpi k SET predicted_clv = v.clv,"
                        + " probability_alive = v.alive FROM unnest(?::uuid[], ?::numeric[], ?::float8[])"
                        + " AS v(subject_id, clv, alive) WHERE k.subject_id = v.subject_id",
                subjects,
                values.toArray(BigDecimal[]::new),
                probabilities.toArray(Double[]::new));
    }

    public Optional<CustomerKpis> find(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            List<CustomerKpis.RevenueMonth> months = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT to_char(month, 'YYYY-MM'), revenue, orders"
                    + " FROM customer_revenue_month WHERE subject_id = ? ORDER BY month")) {
                Jdbc.bind(c, s, subjectId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        months.add(new CustomerKpis.RevenueMonth(
                                rs.getString(1), money(rs.getBigDecimal(2)), rs.getInt(3)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM customer_kpi WHERE subject_id = ?")) {
                Jdbc.bind(c, s, subjectId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<CustomerKpis>empty();
                    }
                    Double alive = rs.getObject("probability_alive", Double.class);
                    BigDecimal predicted = rs.getBigDecimal("predicted_clv");
                    return Optional.of(new CustomerKpis(
                            subjectId,
                            rs.getString("currency"),
                            money(rs.getBigDecimal("total_revenue")),
                            rs.getInt("order_count"),
                            money(rs.getBigDecimal("average_order_value")),
                            rs.getTimestamp("first_purchase").toInstant(),
                            rs.getTimestamp("last_purchase").toInstant(),
                            rs.getInt("purchase_days"),
                            rs.getBigDecimal("mean_days_between"),
                            rs.getBigDecimal("median_days_between"),
                            rs.getObject("next_expected_purchase", LocalDate.class),
                            rs.getInt("recency_score"),
                            rs.getInt("frequency_score"),
                            rs.getInt("monetary_score"),
                            rs.getString("rfm_segment"),
                            money(rs.getBigDecimal("historical_clv")),
                            predicted == null ? null : money(predicted),
                            alive,
                            rs.getTimestamp("computed_at").toInstant(),
                            months));
                }
            }
        });
    }

    public int delete(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            int deleted;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_kpi WHERE subject_id = ?")) {
                Jdbc.bind(c, s, subjectId);
                deleted = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_revenue_month WHERE subject_id = ?")) {
                Jdbc.bind(c, s, subjectId);
                deleted += s.executeUpdate();
            }
            return deleted;
        });
    }

    /** Rounded to cents for reading: KPIs are shown, not booked. */
    private static BigDecimal money(BigDecimal stored) {
        return stored.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
