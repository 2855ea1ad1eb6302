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
     * Takes the subscriber's oldest undelivered events, at most {@code limit}, if the oldest is due, and leases
     * them: they are not due again before {@code lease} has passed, so no other replica sends them meanwhile.
     * Empty when nothing is due or another replica is leasing for the subscriber at this moment.
     *
     * <p>Head of line: a later event is never sent before an earlier one, and a subscriber that is down gets one
     * attempt per backoff period rather than one per event.
     */
    @Transactional(TxType.REQUIRES_NEW)
    List<EventEnvelope> lease(String subscriber, int limit, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            if (!lockSubscriber(c, subscriber)) {
                return List.of();
            }
            List<EventEnvelope> batch = new ArrayList<>(limit);
            try (PreparedStatement select = c.prepareStatement("""
                    WITH head AS (
                        SELECT d.event_id, d.next_attempt_at, row_number() OVER (ORDER BY d.event_id) AS position
                          FROM outbox_delivery d
                         WHERE d.subscriber = ? AND d.delivered_at IS NULL
                         ORDER BY d.event_id
                         LIMIT ?)
                    SELECT e.id, e.type, e.version, e.subject_id, e.occurred_at, e.payload::text AS payload
                      FROM head h JOIN outbox_event e ON e.id = h.event_id
                     WHERE (SELECT next_attempt_at FROM head WHERE position = 1) <= now()
                     ORDER BY h.event_id""")) {
                select.setString(1, subscriber);
                select.setInt(2, limit);
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
        } catch (SQLException | IOException e) {
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
            throw new IllegalStateException("cannot update the outbox", e);
        }
    }

    /** Deliveries not yet accepted, per subscriber: what an operator watches. */
    @Transactional(TxType.REQUIRES_NEW)
    long pending(String subscriber) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM outbox_delivery WHERE subscriber = ? AND delivered_at IS NULL")) {
            count.setString(1, subscriber);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private void update(String subscriber, List<EventEnvelope> batch, String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, subscriber);
            update.setArray(2, c.createArrayOf("uuid", ids(batch)));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the outbox", e);
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
