package org.opencdp.behaviour.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.behaviour.domain.order.Adjustment;
import org.opencdp.behaviour.domain.order.Order;
import org.opencdp.behaviour.domain.order.OrderLine;
import org.opencdp.behaviour.domain.order.PaymentMethodType;
import org.opencdp.behaviour.domain.order.SalesChannel;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.jdbc.Jdbc;
import org.opencdp.subjectrights.RetentionBatches;

/** Orders, their lines and adjustments. Imports are written set-based: thousands of orders per statement. */
@ApplicationScoped
public class OrderRepository {

    /** An order already stored under a shop's id: ours, and the fingerprint of its content. */
    public record Existing(UUID id, String contentHash) {}

    /** An order to store, with the rate into the reporting currency of its order date (1 in that currency). */
    public record NewOrder(UUID id, String shop, Order order, BigDecimal reportingRate, Instant importedAt) {}

    private static final String ORDER_COLUMNS = "o.id, o.shop, o.external_id, o.subject_id, o.ordered_at, o.channel,"
            + " o.payment_method, o.currency, o.discount, o.coupon, o.total, o.returned, o.cancelled_at, o.imported_at";

    @Inject
    DataSource dataSource;

    @Inject
    RetentionBatches batches;

    public Map<String, Existing> existing(String shop, Collection<String> externalIds) {
        Map<String, Existing> found = new HashMap<>();
        Jdbc.list(
                        dataSource,
                        "SELECT external_id, id, content_hash FROM customer_order"
                                + " WHERE shop = ? AND external_id = ANY(?)",
                        rs -> Map.entry(rs.getString(1), new Existing(Jdbc.uuid(rs, 2), rs.getString(3))),
                        shop,
                        externalIds.toArray(String[]::new))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /**
     * Stores new orders with their lines, each table in one statement over arrays (a bulk import's thousands of rows
     * in two round trips, not one execution per row). Another import of the same shop's id that committed meanwhile
     * makes the insert skip that order; the ids of those skipped are returned, so the caller can compare them again.
     */
    public List<UUID> insert(List<NewOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        return Jdbc.with(dataSource, c -> {
            Set<UUID> stored = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO customer_order (id, shop, external_id,"
                    + " subject_id, ordered_at, channel, payment_method, currency, discount, coupon, total,"
                    + " content_hash, imported_at, reporting_rate)"
                    + " SELECT u.id, u.shop, u.external_id, u.subject_id, u.ordered_at, u.channel, u.payment_method,"
                    + " u.currency, u.discount, u.coupon, u.total, u.content_hash, u.imported_at, u.reporting_rate"
                    + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[],"
                    + " ?::text[], ?::text[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[],"
                    + " ?::numeric[]) AS u(id, shop, external_id, subject_id, ordered_at, channel, payment_method,"
                    + " currency, discount, coupon, total, content_hash, imported_at, reporting_rate)"
                    + " ON CONFLICT (shop, external_id) DO NOTHING RETURNING id")) {
                int n = orders.size();
                String[][] columns = new String[14][n];
                for (int i = 0; i < n; i++) {
                    NewOrder order = orders.get(i);
                    Order o = order.order();
                    columns[0][i] = order.id().toString();
                    columns[1][i] = order.shop();
                    columns[2][i] = o.externalId();
                    columns[3][i] = o.subjectId().toString();
                    columns[4][i] = o.orderedAt().toString();
                    columns[5][i] = o.channel().name();
                    columns[6][i] = o.paymentMethod().name();
                    columns[7][i] = o.currency();
                    columns[8][i] = o.discountOrZero().toPlainString();
                    columns[9][i] = o.coupon();
                    columns[10][i] = o.total().toPlainString();
                    columns[11][i] = o.contentHash();
                    columns[12][i] = order.importedAt().toString();
                    columns[13][i] = order.reportingRate().toPlainString();
                }
                // Every column as text, cast by the statement: one encoding, no driver type mapping per element.
                String[] types = {
                    "uuid",
                    "text",
                    "text",
                    "uuid",
                    "timestamptz",
                    "text",
                    "text",
                    "text",
                    "numeric",
                    "text",
                    "numeric",
                    "text",
                    "timestamptz",
                    "numeric"
                };
                for (int column = 0; column < columns.length; column++) {
                    s.setArray(column + 1, c.createArrayOf(types[column], columns[column]));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            insertLines(c, orders.stream().filter(o -> stored.contains(o.id())).toList());
            return orders.stream()
                    .map(NewOrder::id)
                    .filter(id -> !stored.contains(id))
                    .toList();
        });
    }

    private static void insertLines(Connection c, List<NewOrder> orders) throws SQLException {
        int n = orders.stream().mapToInt(o -> o.order().lines().size()).sum();
        if (n == 0) {
            return;
        }
        String[][] columns = new String[7][n];
        int row = 0;
        for (NewOrder order : orders) {
            List<OrderLine> lines = order.order().lines();
            for (int i = 0; i < lines.size(); i++, row++) {
                OrderLine line = lines.get(i);
                columns[0][row] = order.id().toString();
                columns[1][row] = Integer.toString(i + 1);
                columns[2][row] = line.sku();
                columns[3][row] = line.category();
                columns[4][row] = line.quantity().toString();
                columns[5][row] = line.unitPrice().toPlainString();
                columns[6][row] = line.discountOrZero().toPlainString();
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO order_line (order_id, line_no, sku, category,"
                + " quantity, unit_price, discount) SELECT * FROM unnest(?::uuid[], ?::int4[], ?::text[], ?::text[],"
                + " ?::int4[], ?::numeric[], ?::numeric[])")) {
            String[] types = {"uuid", "int4", "text", "text", "int4", "numeric", "numeric"};
            for (int column = 0; column < columns.length; column++) {
                s.setArray(column + 1, c.createArrayOf(types[column], columns[column]));
            }
            s.executeUpdate();
        }
    }

    public Optional<StoredOrder> find(UUID id) {
        return first(select("o.id = ?", List.of(id), 1));
    }

    /** The shop's order by its own id, locked for an adjustment. */
    public Optional<StoredOrder> findForUpdate(String shop, String externalId) {
        return first(select("o.shop = ? AND o.external_id = ? FOR UPDATE", List.of(shop, externalId), 1));
    }

    /** A customer's orders in use (not those kept only for a retention duty), newest first; the cursor is the last order id of the previous page. */
    public List<StoredOrder> ofSubject(UUID subjectId, UUID before, int limit) {
        return before == null
                ? select(
                        "o.subject_id = ? AND o.retained_until IS NULL ORDER BY o.ordered_at DESC, o.id DESC",
                        List.of(subjectId),
                        limit)
                : select(
                        "o.subject_id = ? AND o.retained_until IS NULL AND (o.ordered_at, o.id) <"
                                + " (SELECT ordered_at, id FROM customer_order"
                                + " WHERE id = ?) ORDER BY o.ordered_at DESC, o.id DESC",
                        List.of(subjectId, before),
                        limit);
    }

    public void addAdjustment(UUID orderId, Adjustment adjustment, Instant recordedAt) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO order_adjustment (order_id, external_id, kind,"
                    + " occurred_at, amount, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Jdbc.bind(
                        c,
                        s,
                        orderId,
                        adjustment.externalId(),
                        adjustment.kind(),
                        adjustment.occurredAt(),
                        adjustment.amount(),
                        recordedAt);
                s.executeUpdate();
            }
            String change = adjustment.kind() == Adjustment.Kind.RETURN
                    ? "UPDATE customer_order SET returned = returned + ? WHERE id = ?"
                    : "UPDATE customer_order SET cancelled_at = ? WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(change)) {
                Jdbc.bind(
                        c,
                        s,
                        adjustment.kind() == Adjustment.Kind.RETURN ? adjustment.amount() : adjustment.occurredAt(),
                        orderId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The customer's orders that may still be used (not kept only for a retention duty), by id. */
    public List<UUID> idsOfSubject(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                "SELECT id FROM customer_order WHERE subject_id = ? AND retained_until IS NULL",
                rs -> Jdbc.uuid(rs, 1),
                subjectId);
    }

    /** Every order of the customer, those kept for a retention duty included (for an access request). */
    public List<StoredOrder> allOfSubject(UUID subjectId) {
        return select("o.subject_id = ? ORDER BY o.ordered_at, o.id", List.of(subjectId), Integer.MAX_VALUE);
    }

    /**
     * Keeps the customer's orders only for their retention duty: each until the end of the calendar year in which
     * {@code years} after the end of its order's year expire (HGB §257(5), AO §147(4)). Orders whose duty has
     * already ended are deleted. Returns how many were deleted now, and how many are kept and until when.
     */
    public Retention retain(UUID subjectId, int years, LocalDate today) {
        int deleted = Jdbc.update(
                dataSource,
                "DELETE FROM customer_order WHERE subject_id = ? AND make_date(extract(year FROM ordered_at AT TIME"
                        + " ZONE 'UTC')::int + ?, 12, 31) < ?",
                subjectId,
                years,
                today);
        Jdbc.update(
                dataSource,
                "UPDATE customer_order SET retained_until = make_date(extract(year FROM ordered_at AT TIME ZONE"
                        + " 'UTC')::int + ?, 12, 31) WHERE subject_id = ? AND retained_until IS NULL",
                years,
                subjectId);
        return Jdbc.first(
                        dataSource,
                        "SELECT count(*), max(retained_until) FROM customer_order WHERE subject_id = ?",
                        rs -> new Retention(deleted, rs.getInt(1), Jdbc.date(rs, 2)),
                        subjectId)
                .orElseThrow();
    }

    /** What {@link #retain} did. */
    public record Retention(int deleted, int kept, LocalDate keptUntil) {}

    public int deleteOfSubject(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM customer_order WHERE subject_id = ?", subjectId);
    }

    /** How many orders were placed before the moment (a retention cutoff), kept under a legal hold or not. */
    public long countOrderedBefore(Instant before) {
        return batches.count("SELECT count(*) FROM customer_order WHERE ordered_at < ?", before);
    }

    /**
     * Deletes the orders placed before the moment, with their lines and adjustments (ON DELETE CASCADE), in batches
     * of their own transactions; returns how many orders.
     */
    public long deleteOrderedBefore(Instant before) {
        return batches.deleteInBatches(
                "DELETE FROM customer_order WHERE id IN (SELECT id FROM customer_order WHERE ordered_at < ? LIMIT ?)",
                before);
    }

    private static Optional<StoredOrder> first(List<StoredOrder> orders) {
        return orders.stream().findFirst();
    }

    private List<StoredOrder> select(String where, List<Object> parameters, int limit) {
        return Jdbc.with(dataSource, c -> {
            String sql = "SELECT " + ORDER_COLUMNS + " FROM customer_order o WHERE " + where;
            if (!where.endsWith("FOR UPDATE")) {
                sql += " LIMIT " + limit;
            }
            Map<UUID, StoredOrder> orders = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Jdbc.bind(c, s, parameters.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StoredOrder order = order(rs);
                        orders.put(order.id(), order);
                    }
                }
            }
            if (orders.isEmpty()) {
                return List.of();
            }
            Map<UUID, List<OrderLine>> lines = lines(c, orders.keySet());
            Map<UUID, List<Adjustment>> adjustments = adjustments(c, orders.keySet());
            return orders.values().stream()
                    .map(o -> withDetails(
                            o, lines.getOrDefault(o.id(), List.of()), adjustments.getOrDefault(o.id(), List.of())))
                    .toList();
        });
    }

    private static StoredOrder withDetails(StoredOrder o, List<OrderLine> lines, List<Adjustment> adjustments) {
        Order order = o.order();
        return new StoredOrder(
                o.id(),
                o.shop(),
                new Order(
                        order.externalId(),
                        order.subjectId(),
                        order.orderedAt(),
                        order.channel(),
                        order.paymentMethod(),
                        order.currency(),
                        lines,
                        order.discount(),
                        order.coupon(),
                        order.total()),
                o.returned(),
                o.cancelledAt(),
                o.importedAt(),
                adjustments);
    }

    private static StoredOrder order(ResultSet rs) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new StoredOrder(
                rs.getObject("id", UUID.class),
                rs.getString("shop"),
                new Order(
                        rs.getString("external_id"),
                        rs.getObject("subject_id", UUID.class),
                        rs.getTimestamp("ordered_at").toInstant(),
                        SalesChannel.valueOf(rs.getString("channel")),
                        PaymentMethodType.valueOf(rs.getString("payment_method")),
                        rs.getString("currency"),
                        List.of(),
                        money(rs.getBigDecimal("discount")),
                        rs.getString("coupon"),
                        money(rs.getBigDecimal("total"))),
                money(rs.getBigDecimal("returned")),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getTimestamp("imported_at").toInstant(),
                List.of());
    }

    private static Map<UUID, List<OrderLine>> lines(Connection c, Collection<UUID> orderIds) throws SQLException {
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, sku, category, quantity, unit_price, discount"
                + " FROM order_line WHERE order_id = ANY(?) ORDER BY order_id, line_no")) {
            Jdbc.bind(c, s, orderIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new OrderLine(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    money(rs.getBigDecimal(5)),
                                    money(rs.getBigDecimal(6))));
                }
            }
        }
        return lines;
    }

    private static Map<UUID, List<Adjustment>> adjustments(Connection c, Collection<UUID> orderIds)
            throws SQLException {
        Map<UUID, List<Adjustment>> adjustments = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, external_id, kind, occurred_at, amount"
                + " FROM order_adjustment WHERE order_id = ANY(?) ORDER BY occurred_at, external_id")) {
            Jdbc.bind(c, s, orderIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    adjustments
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Adjustment(
                                    rs.getString(2),
                                    Adjustment.Kind.valueOf(rs.getString(3)),
                                    rs.getTimestamp(4).toInstant(),
                                    money(rs.getBigDecimal(5))));
                }
            }
        }
        return adjustments;
    }

    /** Numeric(19, 4) comes back with four decimals; two are what a shop sends and reads. */
    private static BigDecimal money(BigDecimal stored) {
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }
}
