package org.opencdp.behaviour.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/** Aggregates over the orders in use (see {@link KpiRepository#COUNTED_ORDERS}); each row counts its customers. */
@ApplicationScoped
public class ReportRepository {

    @Inject
    DataSource dataSource;

    public List<Map<String, Object>> revenuePerMonth() {
        return rows("WITH " + KpiRepository.COUNTED_ORDERS
                + " SELECT to_char(day, 'YYYY-MM') AS month, sum(revenue) AS revenue, count(*) AS orders,"
                + " count(DISTINCT subject_id) AS customers FROM counted GROUP BY 1 ORDER BY 1");
    }

    /**
     * Revenue per product category: line amounts (quantity x unit price - line discount) of orders in use, less
     * returns spread over the lines in proportion; an order-level discount is spread the same way.
     */
    public List<Map<String, Object>> revenuePerCategory() {
        return rows("WITH "
                + KpiRepository.COUNTED_ORDERS.replace(
                        "SELECT o.subject_id,", "SELECT o.id, o.total + o.discount AS gross, o.subject_id,")
                + " SELECT l.category, round(sum((l.quantity * l.unit_price - l.discount)"
                + "   * CASE WHEN c.gross = 0 THEN 0 ELSE c.revenue / c.gross END), 2) AS revenue,"
                + " count(DISTINCT c.id) AS orders, count(DISTINCT c.subject_id) AS customers"
                + " FROM counted c JOIN order_line l ON l.order_id = c.id GROUP BY l.category ORDER BY l.category");
    }

    /** Revenue per RFM segment, as of the last KPI recompute. */
    public List<Map<String, Object>> revenuePerRfmSegment() {
        return rows("SELECT rfm_segment AS segment, sum(total_revenue) AS revenue, sum(order_count) AS orders,"
                + " count(*) AS customers FROM customer_kpi GROUP BY rfm_segment ORDER BY rfm_segment");
    }

    /**
     * Cohort retention: customers by the month of their first purchase (the cohort), and how many of them bought
     * again in each month after.
     */
    public List<Map<String, Object>> cohortRetention() {
        return rows("WITH " + KpiRepository.COUNTED_ORDERS + ","
                + " month AS (SELECT DISTINCT subject_id, date_trunc('month', day)::date AS month FROM counted),"
                + " cohort AS (SELECT subject_id, min(month) AS cohort FROM month GROUP BY subject_id),"
                + " size AS (SELECT cohort, count(*) AS cohort_size FROM cohort GROUP BY cohort)"
                + " SELECT to_char(c.cohort, 'YYYY-MM') AS cohort,"
                + " (extract(year FROM age(m.month, c.cohort)) * 12 + extract(month FROM age(m.month, c.cohort)))::int"
                + "   AS months_after, s.cohort_size, count(*) AS customers,"
                + " round(count(*)::numeric / s.cohort_size, 4) AS retention"
                + " FROM month m JOIN cohort c ON c.subject_id = m.subject_id JOIN size s ON s.cohort = c.cohort"
                + " GROUP BY c.cohort, m.month, s.cohort_size ORDER BY c.cohort, m.month");
    }

    private List<Map<String, Object>> rows(String sql) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                return read(rs);
            }
        });
    }

    private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof BigDecimal d && !"retention".equals(meta.getColumnLabel(i))) {
                    value = d.setScale(2, RoundingMode.HALF_UP);
                }
                row.put(camel(meta.getColumnLabel(i)), value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }
}
