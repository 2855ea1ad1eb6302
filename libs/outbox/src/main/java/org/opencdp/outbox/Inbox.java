package org.opencdp.outbox;

import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.jdbc.Jdbc;

/**
 * The receiving side of at-least-once delivery: remembers which events this service has handled, so that an event
 * delivered twice is handled once. Call {@link #firstDelivery} in the transaction that applies the event: if
 * applying fails, the event is not remembered either, and the producer's redelivery gets another chance.
 *
 * <p>Event ids are kept for {@code opencdp.outbox.keep-received} (30 days by default), far longer than a producer
 * keeps redelivering an event.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    DataSource dataSource;

    /**
     * Records the event id; true if this is its first delivery, false if it was handled before. A concurrent
     * delivery of the same event waits for the first one's transaction and then gets false.
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO inbox_event (event_id, received_at) VALUES (?, now()) ON CONFLICT DO NOTHING",
                        eventId)
                == 1;
    }
}
