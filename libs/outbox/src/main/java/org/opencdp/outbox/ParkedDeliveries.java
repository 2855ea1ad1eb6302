package org.opencdp.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        List<ParkedEvent> parked = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT e.id, d.subscriber, e.type, e.version, e.subject_id, e.occurred_at, d.attempts,
                               d.last_error, d.parked_at
                          FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                         WHERE d.parked_at IS NOT NULL AND (?::uuid IS NULL OR d.event_id > ?::uuid)
                         ORDER BY d.event_id, d.subscriber
                         LIMIT ?""")) {
            select.setObject(1, after);
            select.setObject(2, after);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    parked.add(new ParkedEvent(
                            rs.getObject("id", UUID.class),
                            rs.getString("subscriber"),
                            rs.getString("type"),
                            rs.getInt("version"),
                            rs.getObject("subject_id", UUID.class),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getInt("attempts"),
                            rs.getString("last_error"),
                            rs.getTimestamp("parked_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read the outbox", e);
        }
        return parked;
    }

    /**
     * Makes the event's parked deliveries due again, with their rejections counted from zero; the relay sends
     * them in its next round, and the later events of their subject follow.
     *
     * @return how many deliveries were parked (one per subscriber that refused it); 0 when none was
     */
    @Transactional
    public int replay(UUID eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE outbox_delivery SET parked_at = NULL, rejections = 0, next_attempt_at = now()
                         WHERE event_id = ? AND parked_at IS NOT NULL""")) {
            update.setObject(1, eventId);
            int replayed = update.executeUpdate();
            if (replayed > 0) {
                LOG.infof("Outbox event %s replayed for %d subscriber(s)", eventId, replayed);
            }
            return replayed;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot update the outbox", e);
        }
    }
}
