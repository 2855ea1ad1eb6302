package org.opencdp.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        if (!lockSubscriber(subscriber)) {
            return List.of();
        }
        // The waiting deliveries (parked, in their backoff, or leased) are few and read once; each candidate is
        // then checked against them by its subject (hashed; events about no subject are the nil subject). A
        // correlated subquery per candidate made a backlog of n events cost n² (issue 8).
        List<EventEnvelope> batch = Jdbc.list(dataSource, """
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
                 LIMIT ?""", this::envelope, subscriber, subscriber, limit);
        if (!batch.isEmpty()) {
            Jdbc.update(dataSource, """
                    UPDATE outbox_delivery
                       SET next_attempt_at = now() + ? * interval '1 millisecond', last_attempt_at = now()
                     WHERE subscriber = ? AND event_id = ANY (?)""", lease.toMillis(), subscriber, ids(batch));
        }
        return batch;
    }

    @Transactional(TxType.REQUIRES_NEW)
    void delivered(String subscriber, List<EventEnvelope> batch) {
        Jdbc.update(dataSource, """
                UPDATE outbox_delivery
                   SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
                 WHERE subscriber = ? AND event_id = ANY (?)""", subscriber, ids(batch));
    }

    /**
     * Counts a failed attempt and makes the events due again after a backoff that doubles with every attempt,
     * from {@code initialBackoff} up to {@code maxBackoff}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    void failed(
            String subscriber, List<EventEnvelope> batch, String error, Duration initialBackoff, Duration maxBackoff) {
        Jdbc.update(dataSource, """
                UPDATE outbox_delivery
                   SET attempts = attempts + 1, last_error = left(?, 300),
                       next_attempt_at = now() + least(? * power(2, least(attempts, 30)), ?)
                                                 * interval '1 millisecond'
                 WHERE subscriber = ? AND event_id = ANY (?)""", error, initialBackoff.toMillis(), maxBackoff.toMillis(), subscriber, ids(batch));
    }

    /** Gives leased events back without counting an attempt: they are due again at once. */
    @Transactional(TxType.REQUIRES_NEW)
    void release(String subscriber, List<EventEnvelope> batch) {
        Jdbc.update(dataSource, """
                UPDATE outbox_delivery SET next_attempt_at = now()
                 WHERE subscriber = ? AND event_id = ANY (?)""", subscriber, ids(batch));
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
        return Jdbc.first(
                        dataSource,
                        """
                        UPDATE outbox_delivery
                           SET attempts = attempts + 1, rejections = rejections + 1, last_error = left(?, 300),
                               parked_at = CASE WHEN rejections + 1 >= ? THEN now() END,
                               next_attempt_at = now() + least(? * power(2, least(attempts, 30)), ?)
                                                         * interval '1 millisecond'
                         WHERE subscriber = ? AND event_id = ?
                        RETURNING parked_at IS NOT NULL""",
                        rs -> rs.getBoolean(1),
                        error,
                        parkAfter,
                        initialBackoff.toMillis(),
                        maxBackoff.toMillis(),
                        subscriber,
                        event.id())
                .orElse(false);
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
        return Jdbc.first(dataSource, sql, rs -> rs.getLong(1), subscriber).orElseThrow();
    }

    /** One replica at a time leases for a subscriber; the lock ends with the transaction. */
    private boolean lockSubscriber(String subscriber) {
        return Jdbc.first(
                        dataSource,
                        "SELECT pg_try_advisory_xact_lock(?, hashtext(?))",
                        rs -> rs.getBoolean(1),
                        LOCK_SPACE,
                        subscriber)
                .orElseThrow();
    }

    private EventEnvelope envelope(ResultSet rs) throws SQLException {
        try {
            return new EventEnvelope(
                    Jdbc.uuid(rs, "id"),
                    rs.getString("type"),
                    rs.getInt("version"),
                    Jdbc.uuid(rs, "subject_id"),
                    Jdbc.instant(rs, "occurred_at"),
                    json.readTree(rs.getString("payload")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private static List<UUID> ids(List<EventEnvelope> batch) {
        return batch.stream().map(EventEnvelope::id).toList();
    }
}
