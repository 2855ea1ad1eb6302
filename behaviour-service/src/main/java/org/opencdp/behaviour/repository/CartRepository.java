package org.opencdp.behaviour.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.order.Cart;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.jdbc.Jdbc;
import org.opencdp.subjectrights.RetentionBatches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Carts, one per shop and holder. */
@ApplicationScoped
public class CartRepository {

    @Inject
    DataSource dataSource;

    @Inject
    RetentionBatches batches;

    @Inject
    ObjectMapper json;

    /** Replaces the holder's cart at this shop. */
    public void put(Cart cart) {
        String conflict = cart.subjectId() != null ? "(shop, subject_id)" : "(shop, visitor_id)";
        Jdbc.update(
                dataSource,
                "INSERT INTO cart (id, shop, subject_id, visitor_id, currency, value, lines, updated_at,"
                        + " reporting_rate) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT " + conflict + " DO UPDATE SET currency = excluded.currency,"
                        + " value = excluded.value, lines = excluded.lines, updated_at = excluded.updated_at,"
                        + " reporting_rate = excluded.reporting_rate",
                cart.id(),
                cart.shop(),
                cart.subjectId(),
                cart.visitorId(),
                cart.currency(),
                cart.value(),
                write(cart.lines()),
                cart.updatedAt(),
                cart.reportingRate());
    }

    public int delete(String shop, UUID subjectId, String visitorId) {
        return Jdbc.update(
                dataSource,
                subjectId != null
                        ? "DELETE FROM cart WHERE shop = ? AND subject_id = ?"
                        : "DELETE FROM cart WHERE shop = ? AND visitor_id = ?",
                shop,
                subjectId != null ? subjectId : visitorId);
    }

    public List<Cart> ofSubject(UUID subjectId) {
        return Jdbc.list(dataSource, "SELECT * FROM cart WHERE subject_id = ? ORDER BY id", this::cart, subjectId);
    }

    public int deleteOfSubject(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM cart WHERE subject_id = ?", subjectId);
    }

    /**
     * Carts unchanged since before {@code idleSince} and not ordered: no order of the subject in use at or after the
     * cart's last change. Carts of restricted subjects are left out. By id, after the cursor.
     */
    public List<Cart> abandoned(Instant idleSince, UUID after, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT k.* FROM cart k WHERE k.updated_at < ?"
                        + " AND (CAST(? AS uuid) IS NULL OR k.id > ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.subject_id = k.subject_id"
                        + "   AND o.ordered_at >= k.updated_at AND o.cancelled_at IS NULL)"
                        + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = k.subject_id)"
                        + " ORDER BY k.id LIMIT ?",
                this::cart,
                idleSince,
                after,
                after,
                limit);
    }

    /** Carts not converted: no order of the subject in use at or after the cart's last change (visitor carts: none). */
    private static final String NOT_CONVERTED = " AND NOT EXISTS (SELECT 1 FROM customer_order o"
            + " WHERE o.subject_id = k.subject_id AND o.ordered_at >= k.updated_at AND o.cancelled_at IS NULL)";

    /** How many carts last changed before the moment were not converted to an order (abandoned carts). */
    public long countAbandonedBefore(Instant before) {
        return batches.count("SELECT count(*) FROM cart k WHERE k.updated_at < ?" + NOT_CONVERTED, before);
    }

    /** Deletes the abandoned carts last changed before the moment, in batches; returns how many. */
    public long deleteAbandonedBefore(Instant before) {
        return batches.deleteInBatches(
                "DELETE FROM cart WHERE id IN (SELECT k.id FROM cart k WHERE k.updated_at < ?" + NOT_CONVERTED
                        + " LIMIT ?)",
                before);
    }

    /** Deletes carts nobody changed since before the given time; returns how many. */
    public int deleteUnchangedSince(Instant before) {
        return Jdbc.update(dataSource, "DELETE FROM cart WHERE updated_at < ?", before);
    }

    private Cart cart(ResultSet rs) throws SQLException {
        return new Cart(
                rs.getObject("id", UUID.class),
                rs.getString("shop"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("visitor_id"),
                rs.getString("currency"),
                read(rs.getString("lines")),
                rs.getBigDecimal("value").setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getBigDecimal("reporting_rate").stripTrailingZeros(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String write(List<OrderLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cart lines are plain records", e);
        }
    }

    private List<OrderLine> read(String lines) {
        try {
            return json.readValue(lines, new TypeReference<List<OrderLine>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cart lines are unreadable", e);
        }
    }
}
