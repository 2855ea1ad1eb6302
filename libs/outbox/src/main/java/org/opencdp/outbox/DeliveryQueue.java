package org.opencdp.outbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The relay's view of {@code outbox_delivery}: each method is one short transaction of its own, so that no
 * transaction stays open while a subscriber is called.
 */
@ApplicationScoped
class DeliveryQueue {

    /** First key of the advisory locks taken here ("OUTB"), apart from every other user of advisory locks. */
    static final int LOCK_SPACE = 0x4F555442;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Takes the subscriber's oldest due events, at most {@code limit}, and leases them: they are not due again
     * before {@code lease} has passed, so no other replica sends them meanwhile. Empty when nothing is due or
     * another replica is leasing for the subscriber at this moment.
     *
     * <p>Order per subject: an event is taken only when no earlier undelivered event of the same subject is waiting
     * (parked, in its backoff, or leased), so a later event never overtakes an earlier one of its subject, while the
     * events of other subjects go past one that is stuck. Events about no subject are one such group.
     */
    @Transactional(TxType.REQUIRES_NEW)
    List<EventEnvelope> lease(String subscriber, int limit, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            if (!lockSubscriber(c, subscriber)) {
                return List.of();
            }
            List<EventEnvelope> batch = new ArrayList<>(limit);
            // The waiting deliveries (parked, in their backoff, or leased) are few and read once; each candidate is
            // then checked against them by its subject (hashed; events about no subject are the nil subject). A
            // correlated subquery per candidate made a backlog of n events cost n² (issue 8).
            try (PreparedStatement select = c.prepareStatement("""
                    WITH waiting AS MATERIALIZED (
                        SELECT coalesce(pe.subject_id, '00000000-0000-0000-0000-000000000000') AS subject,
                               pe.id
                          FROM outbox_delivery p JOIN outbox_event pe ON pe.id = p.event_id
                         WHERE p.subscriber = ? AND p.delivered_at IS NULL
                           AND (p.parked_at IS NOT NULL OR p.next_attempt_at > now()))
                    SELECT e.id, e.type, e.version, e.subject_id, e.occurred_at, e.payload::text AS payload
                      FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                     WHERE d.subscriber = ? AND d.delivered_at IS NULL AND d.parked_at IS NULL
                       AND d.next_attempt_at <= now()
                       AND NOT EXISTS (
                           SELECT 1 FROM waiting w
                            WHERE w.subject = coalesce(e.subject_id, '00000000-0000-0000-0000-000000000000')
                              AND w.id < e.id)
                     ORDER BY d.event_id
                     LIMIT ?""")) {
                select.setString(1, subscriber);
                select.setString(2, subscriber);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new EventEnvelope(
                                rs.getObject("id", UUID.class),
                                rs.getString("type"),
                                rs.getInt("version"),
                                rs.getObject("subject_id", UUID.class),
                                rs.getTimestamp("occurred_at").toInstant(),
                                json.readTree(rs.getString("payload"))));
                    }
                }
            }
            if (!batch.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE outbox_delivery
                           SET next_attempt_at = now() + ? * interval '1 millisecond', last_attempt_at = now()
                         WHERE subscriber = ? AND event_id = ANY (?)""")) {
                    update.setLong(1, lease.toMillis());
                    update.setString(2, subscriber);
                    update.setArray(3, c.createArrayOf("uuid", ids(batch)));
                    update.executeUpdate();
                }
            }
            return batch;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read the outbox", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    void delivered(String subscriber, List<EventEnvelope> batch) {
        update(subscriber, batch, """
                UPDATE outbox_delivery
                   SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
                 WHERE subscriber = ? AND event_id = ANY (?)""");
    }

    /**
     * Counts a failed attempt and makes the events due again after a backoff that doubles with every attempt,
     * from {@code initialBackoff} up to {@code maxBackoff}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    void failed(
            String subscriber, List<EventEnvelope> batch, String error, Duration initialBackoff, Duration maxBackoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE outbox_delivery
                           SET attempts = attempts + 1, last_error = left(?, 300),
                               next_attempt_at = now() + least(? * power(2, least(attempts, 30)), ?)
                                                         * interval '1 millisecond'
                         WHERE subscriber = ? AND event_id = ANY (?)""")) {
            update.setString(1, error);
            update.setLong(2, initialBackoff.toMillis());
            update.setLong(3, maxBackoff.toMillis());
            update.setString(4, subscriber);
            update.setArray(5, c.createArrayOf("uuid", ids(batch)));
            update.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot update the outbox", e);
        }
    }

    /** Gives leased events back without counting an attempt: they are due again at once. */
    @Transactional(TxType.REQUIRES_NEW)
    void release(String subscriber, List<EventEnvelope> batch) {
        update(subscriber, batch, """
                UPDATE outbox_delivery SET next_attempt_at = now()
                 WHERE subscriber = ? AND event_id = ANY (?)""");
    }

    /**
     * Counts a rejection of the event itself (an HTTP 4xx that is not about authentication or load) and parks the
     * delivery once it reached {@code parkAfter} rejections; otherwise it is due again after the backoff.
     *
     * @return whether the delivery is now parked
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean rejected(
            String subscriber,
            EventEnvelope event,
            String error,
            int parkAfter,
            Duration initialBackoff,
            Duration maxBackoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE outbox_delivery
                           SET attempts = attempts + 1, rejections = rejections + 1, last_error = left(?, 300),
                               parked_at = CASE WHEN rejections + 1 >= ? THEN now() END,
                               next_attempt_at = now() + least(? * power(2, least(attempts, 30)), ?)
                                                         * interval '1 millisecond'
                         WHERE subscriber = ? AND event_id = ?
                        RETURNING parked_at IS NOT NULL""")) {
            update.setString(1, error);
            update.setInt(2, parkAfter);
            update.setLong(3, initialBackoff.toMillis());
            update.setLong(4, maxBackoff.toMillis());
            update.setString(5, subscriber);
            update.setObject(6, event.id());
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot update the outbox", e);
        }
    }

    /** Parked deliveries of the subscriber: what the gauge {@code opencdp_outbox_parked} shows. */
    @Transactional(TxType.REQUIRES_NEW)
    long parked(String subscriber) {
        return count("SELECT count(*) FROM outbox_delivery WHERE subscriber = ? AND parked_at IS NOT NULL", subscriber);
    }

    /** Deliveries not yet accepted, per subscriber: what an operator watches. */
    @Transactional(TxType.REQUIRES_NEW)
    long pending(String subscriber) {
        return count("SELECT count(*) FROM outbox_delivery WHERE subscriber = ? AND delivered_at IS NULL", subscriber);
    }

    private long count(String sql, String subscriber) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(sql)) {
            count.setString(1, subscriber);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read the outbox", e);
        }
    }

    private void update(String subscriber, List<EventEnvelope> batch, String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, subscriber);
            update.setArray(2, c.createArrayOf("uuid", ids(batch)));
            update.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot update the outbox", e);
        }
    }

    /** One replica at a time leases for a subscriber; the lock ends with the transaction. */
    private static boolean lockSubscriber(Connection c, String subscriber) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setString(2, subscriber);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Object[] ids(List<EventEnvelope> batch) {
        return batch.stream().map(EventEnvelope::id).toArray();
    }
}
