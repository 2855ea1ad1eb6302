package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/** Product affinities and bestsellers, recomputed set-based; a subject's list is derived from them on reading. */
@ApplicationScoped
public class RecommendationRepository {

    /** A recommended product and why: how many orders held it with what the customer bought, or how many bought it. */
    public record Product(String sku, int score) {}

    private static final String ORDER_LINES_IN_USE = "SELECT l.order_id, l.sku, l.category, o.subject_id, o.ordered_at"
            + " FROM order_line l JOIN customer_order o ON o.id = l.order_id"
            + " WHERE o.cancelled_at IS NULL AND o.retained_until IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = o.subject_id)";

    @Inject
    DataSource dataSource;

    /**
     * Replaces the affinities: pairs of products in the same order, counted over orders, kept when at least
     * {@code minOrders} orders hold both (rarer pairs could point to single customers).
     */
    public int recomputeAffinities(int minOrders) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM product_affinity")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO product_affinity (sku, other_sku, orders)"
                    + " WITH line AS (SELECT DISTINCT order_id, sku FROM (" + ORDER_LINES_IN_USE + ") x)"
                    + " SELECT a.sku, b.sku, count(*) FROM line a JOIN line b ON b.order_id = a.order_id"
                    + " AND b.sku <> a.sku GROUP BY a.sku, b.sku HAVING count(*) >= ?")) {
                Jdbc.bind(c, s, minOrders);
                return s.executeUpdate();
            }
        });
    }

    /** Replaces the bestsellers: products by distinct customers since the given time, at least minCustomers each. */
    public int recomputeBestsellers(Instant since, int minCustomers, int size) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bestseller")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bestseller (rank, sku, category, customers)"
                    + " SELECT row_number() OVER (ORDER BY count(DISTINCT subject_id) DESC, sku), sku, min(category),"
                    + " count(DISTINCT subject_id) FROM (" + ORDER_LINES_IN_USE + ") x WHERE ordered_at >= ?"
                    + " GROUP BY sku HAVING count(DISTINCT subject_id) >= ?"
                    + " ORDER BY count(DISTINCT subject_id) DESC, sku LIMIT ?")) {
                Jdbc.bind(c, s, since, minCustomers, size);
                return s.executeUpdate();
            }
        });
    }

    /** Products often bought with what the subject bought, which the subject has not bought yet; best first. */
    public List<Product> boughtTogether(UUID subjectId, int size) {
        return Jdbc.list(
                dataSource,
                "WITH mine AS (SELECT DISTINCT sku FROM (" + ORDER_LINES_IN_USE + " AND o.subject_id = ?) x)"
                        + " SELECT p.other_sku, sum(p.orders) FROM product_affinity p JOIN mine m ON m.sku = p.sku"
                        + " WHERE p.other_sku NOT IN (SELECT sku FROM mine)"
                        + " GROUP BY p.other_sku ORDER BY sum(p.orders) DESC, p.other_sku LIMIT ?",
                RecommendationRepository::product,
                subjectId,
                size);
    }

    public List<Product> bestsellers(int size) {
        return Jdbc.list(
                dataSource,
                "SELECT sku, customers FROM bestseller ORDER BY rank LIMIT ?",
                RecommendationRepository::product,
                size);
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(rs.getString(1), rs.getInt(2));
    }
}
