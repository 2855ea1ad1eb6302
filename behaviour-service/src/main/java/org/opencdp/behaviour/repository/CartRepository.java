package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cart (id, shop, subject_id, visitor_id,"
                    + " currency, value, lines, updated_at, reporting_rate) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                    + " ON CONFLICT " + conflict + " DO UPDATE SET currency = excluded.currency,"
                    + " value = excluded.value, lines = excluded.lines, updated_at = excluded.updated_at,"
                    + " reporting_rate = excluded.reporting_rate")) {
                s.setObject(1, cart.id());
                s.setString(2, cart.shop());
                s.setObject(3, cart.subjectId());
                s.setString(4, cart.visitorId());
                s.setString(5, cart.currency());
                s.setBigDecimal(6, cart.value());
                s.setString(7, write(cart.lines()));
                s.setTimestamp(8, Timestamp.from(cart.updatedAt()));
                s.setBigDecimal(9, cart.reportingRate());
                return s.executeUpdate();
            }
        });
    }

    public int delete(String shop, UUID subjectId, String visitorId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    subjectId != null
                            ? "DELETE FROM cart WHERE shop = ? AND subject_id = ?"
                            : "DELETE FROM cart WHERE shop = ? AND visitor_id = ?")) {
                s.setString(1, shop);
                s.setObject(2, subjectId != null ? subjectId : visitorId);
                return s.executeUpdate();
            }
        });
    }

    public List<Cart> ofSubject(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM cart WHERE subject_id = ? ORDER BY id")) {
                s.setObject(1, subjectId);
                return carts(s);
            }
        });
    }

    public int deleteOfSubject(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart WHERE subject_id = ?")) {
                s.setObject(1, subjectId);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Carts unchanged since before {@code idleSince} and not ordered: no order of the subject in use at or after the
     * cart's last change. Carts of restricted subjects are left out. By id, after the cursor.
     */
    public List<Cart> abandoned(Instant idleSince, UUID after, int limit) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT k.* FROM cart k WHERE k.updated_at < ?"
                    + " AND (CAST(? AS uuid) IS NULL OR k.id > ?)"
                    + " AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.subject_id = k.subject_id"
                    + "   AND o.ordered_at >= k.updated_at AND o.cancelled_at IS NULL)"
                    + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = k.subject_id)"
                    + " ORDER BY k.id LIMIT ?")) {
                s.setTimestamp(1, Timestamp.from(idleSince));
                s.setObject(2, after);
                s.setObject(3, after);
                s.setInt(4, limit);
                return carts(s);
            }
        });
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
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart WHERE updated_at < ?")) {
                s.setTimestamp(1, Timestamp.from(before));
                return s.executeUpdate();
            }
        });
    }

    private List<Cart> carts(PreparedStatement s) throws SQLException {
        List<Cart> carts = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                carts.add(new Cart(
                        rs.getObject("id", UUID.class),
                        rs.getString("shop"),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("visitor_id"),
                        rs.getString("currency"),
                        read(rs.getString("lines")),
                        rs.getBigDecimal("value").setScale(2, java.math.RoundingMode.HALF_UP),
                        rs.getBigDecimal("reporting_rate").stripTrailingZeros(),
                        rs.getTimestamp("updated_at").toInstant()));
            }
        }
        return carts;
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
