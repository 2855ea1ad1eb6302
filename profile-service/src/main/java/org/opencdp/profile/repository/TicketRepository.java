package org.opencdp.profile.repository;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.domain.TicketState;

/**
 * The tickets of ticket systems (table {@code ticket}). A row read to be changed is locked {@code FOR NO KEY UPDATE}:
 * it serialises the writers of one ticket without blocking the inserts of articles that reference it.
 */
@ApplicationScoped
public class TicketRepository {

    private static final String SELECT = "SELECT id, source, external_hash, subject_id, number, title, contact, state,"
            + " updated_at, received_at, last_received_at FROM ticket";
    private static final String LOCKED = " FOR NO KEY UPDATE";

    @Inject
    DataSource dataSource;

    public Optional<Ticket> find(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ?", TicketRepository::read, id);
    }

    /** The ticket, locked until the transaction ends. */
    public Optional<Ticket> findLocked(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ?" + LOCKED, TicketRepository::read, id);
    }

    /** The ticket of this keyed hash, locked until the transaction ends. */
    public Optional<Ticket> byExternalHash(byte[] externalHash) {
        return Jdbc.first(
                dataSource, SELECT + " WHERE external_hash = ?" + LOCKED, TicketRepository::read, externalHash);
    }

    /**
     * Serialises deliveries of one ticket until the transaction ends, so that two arriving at once create one ticket
     * (the second then finds the first) instead of one failing on the unique index.
     */
    public void lockExternalHash(byte[] externalHash) {
        Jdbc.list(
                dataSource,
                "SELECT pg_advisory_xact_lock(?)",
                rs -> null,
                ByteBuffer.wrap(externalHash).getLong());
    }

    public void insert(Ticket ticket) {
        Jdbc.update(
                dataSource,
                "INSERT INTO ticket (id, source, external_hash, subject_id, number, title, contact, state, updated_at,"
                        + " received_at, last_received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ticket.id,
                ticket.source,
                ticket.externalHash,
                ticket.subjectId,
                ticket.encryptedNumber,
                ticket.encryptedTitle,
                ticket.encryptedContact,
                ticket.state,
                ticket.updatedAt,
                ticket.receivedAt,
                ticket.lastReceivedAt);
    }

    /** Writes what a delivery or an assignment changes: the customer, the encrypted fields, state and times. */
    public void update(Ticket ticket) {
        Jdbc.update(
                dataSource,
                "UPDATE ticket SET subject_id = ?, number = ?, title = ?, contact = ?, state = ?, updated_at = ?,"
                        + " last_received_at = ? WHERE id = ?",
                ticket.subjectId,
                ticket.encryptedNumber,
                ticket.encryptedTitle,
                ticket.encryptedContact,
                ticket.state,
                ticket.updatedAt,
                ticket.lastReceivedAt,
                ticket.id);
    }

    /** Whether there was such a ticket; its inbox articles go by foreign-key cascade. */
    public boolean delete(UUID id) {
        return Jdbc.update(dataSource, "DELETE FROM ticket WHERE id = ?", id) > 0;
    }

    /** How many of the customer's tickets are open or pending. */
    public int countOpenOf(UUID subjectId) {
        return Jdbc.first(
                        dataSource,
                        "SELECT count(*) FROM ticket WHERE subject_id = ? AND state <> ?",
                        rs -> rs.getInt(1),
                        subjectId,
                        TicketState.CLOSED)
                .orElseThrow();
    }

    public List<Ticket> ofSubject(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id = ? ORDER BY received_at, id",
                TicketRepository::read,
                subjectId);
    }

    public long deleteOfSubject(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM ticket WHERE subject_id = ?", subjectId);
    }

    /** One page of the inbox, oldest first, after the ticket {@code after} when given. */
    public List<Ticket> inboxPage(Ticket after, int limit) {
        if (after == null) {
            return Jdbc.list(
                    dataSource,
                    SELECT + " WHERE subject_id IS NULL ORDER BY received_at, id LIMIT ?",
                    TicketRepository::read,
                    limit);
        }
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id IS NULL AND (received_at > ? OR (received_at = ? AND id > ?))"
                        + " ORDER BY received_at, id LIMIT ?",
                TicketRepository::read,
                after.receivedAt,
                after.receivedAt,
                after.id,
                limit);
    }

    /** The inbox tickets whose latest delivery was before the moment (a retention cutoff). */
    public List<UUID> inboxIdsLastReceivedBefore(Instant before) {
        return Jdbc.list(
                dataSource,
                "SELECT id FROM ticket WHERE subject_id IS NULL AND last_received_at < ? ORDER BY last_received_at",
                rs -> Jdbc.uuid(rs, 1),
                before);
    }

    /** The inbox ticket, locked, when it is still in the inbox and its latest delivery was before the moment. */
    public Optional<Ticket> inboxTicketLastReceivedBefore(UUID id, Instant before) {
        return Jdbc.first(
                dataSource,
                SELECT + " WHERE id = ? AND subject_id IS NULL AND last_received_at < ?" + LOCKED,
                TicketRepository::read,
                id,
                before);
    }

    private static Ticket read(ResultSet rs) throws SQLException {
        Ticket ticket = new Ticket();
        ticket.id = Jdbc.uuid(rs, 1);
        ticket.source = rs.getString(2);
        ticket.externalHash = rs.getBytes(3);
        ticket.subjectId = Jdbc.uuid(rs, 4);
        ticket.encryptedNumber = rs.getBytes(5);
        ticket.encryptedTitle = rs.getBytes(6);
        ticket.encryptedContact = rs.getBytes(7);
        ticket.state = TicketState.valueOf(rs.getString(8));
        ticket.updatedAt = Jdbc.instant(rs, 9);
        ticket.receivedAt = Jdbc.instant(rs, 10);
        ticket.lastReceivedAt = Jdbc.instant(rs, 11);
        return ticket;
    }
}
