package org.opencdp.outbox;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.jdbc.Jdbc;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Deletes what the outbox and the inbox no longer need: events every subscriber has had for
 * {@code keep-delivered} (their payloads may hold personal data), and inbox entries older than
 * {@code keep-received}. Safe on every replica at once: each run deletes only what is old enough.
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);

    @Inject
    OutboxConfig config;

    @Inject
    DataSource dataSource;

    @Scheduled(
            identity = "outbox-housekeeping",
            every = "{opencdp.outbox.housekeeping-interval}",
            delayed = "1m",
            concurrentExecution = ConcurrentExecution.SKIP)
    @Transactional
    public void clean() {
        long keepDelivered = config.keepDelivered().toMillis();
        int deletedEvents = Jdbc.update(dataSource, """
                DELETE FROM outbox_event e
                 WHERE e.occurred_at < now() - ? * interval '1 millisecond'
                   AND NOT EXISTS (SELECT 1 FROM outbox_delivery d
                                    WHERE d.event_id = e.id
                                      AND (d.delivered_at IS NULL
                                           OR d.delivered_at >= now() - ? * interval '1 millisecond'))""", keepDelivered, keepDelivered);
        int deletedInbox = Jdbc.update(
                dataSource,
                "DELETE FROM inbox_event WHERE received_at < now() - ? * interval '1 millisecond'",
                config.keepReceived().toMillis());
        if (deletedEvents + deletedInbox > 0) {
            LOG.infof(
                    "Outbox housekeeping deleted %d delivered event(s) and %d inbox entr(y/ies)",
                    deletedEvents, deletedInbox);
        }
    }
}
