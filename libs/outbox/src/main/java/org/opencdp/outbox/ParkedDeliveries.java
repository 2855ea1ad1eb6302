package org.opencdp.outbox;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.jdbc.Jdbc;

/** The operator's view of parked deliveries: list them, and replay one once its receiver can take it. */
@ApplicationScoped
public class ParkedDeliveries {

    private static final Logger LOG = Logger.getLogger(ParkedDeliveries.class);

    @Inject
    DataSource dataSource;

    /** Parked deliveries after the event {@code after} (from the start when null), oldest event first. */
    @Transactional
    public List<ParkedEvent> list(UUID after, int limit) {
        return Jdbc.list(
                dataSource,
                """
                SELECT e.id, d.subscriber, e.type, e.version, e.subject_id, e.occurred_at, d.attempts,
                       d.last_error, d.parked_at
                  FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                 WHERE d.parked_at IS NOT NULL AND (?::uuid IS NULL OR d.event_id > ?::uuid)
                 ORDER BY d.event_id, d.subscriber
                 LIMIT ?""",
                rs -> new ParkedEvent(
                        Jdbc.uuid(rs, "id"),
                        rs.getString("subscriber"),
                        rs.getString("type"),
                        rs.getInt("version"),
                        Jdbc.uuid(rs, "subject_id"),
                        Jdbc.instant(rs, "occurred_at"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        Jdbc.instant(rs, "parked_at")),
                after,
                after,
                limit);
    }

    /**
     * Makes the event's parked deliveries due again, with their rejections counted from zero; the relay sends
     * them in its next round, and the later events of their subject follow.
     *
     * @return how many deliveries were parked (one per subscriber that refused it); 0 when none was
     */
    @Transactional
    public int replay(UUID eventId) {
        int replayed = Jdbc.update(dataSource, """
                UPDATE outbox_delivery SET parked_at = NULL, rejections = 0, next_attempt_at = now()
                 WHERE event_id = ? AND parked_at IS NOT NULL""", eventId);
        if (replayed > 0) {
            LOG.infof("Outbox event %s replayed for %d subscriber(s)", eventId, replayed);
        }
        return replayed;
    }
}
