package org.opencdp.profile.repository;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.domain.TicketState;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** The ticket of this keyed hash, locked until the transaction ends. */
    public Optional<Ticket> byExternalHash(byte[] externalHash) {
        return find("externalHash", externalHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Serialises deliveries of one ticket until the transaction ends, so that two arriving at once create one ticket
     * (the second then finds the first) instead of one failing on the unique index.
     */
    public void lockExternalHash(byte[] externalHash) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, ByteBuffer.wrap(externalHash).getLong())
                .getSingleResult();
    }

    /** How many of the customer's tickets are open or pending. */
    public int countOpenOf(UUID subjectId) {
        return (int) count("subjectId = ?1 and state <> ?2", subjectId, TicketState.CLOSED);
    }

    public List<Ticket> ofSubject(UUID subjectId) {
        return list("subjectId = ?1 order by receivedAt, id", subjectId);
    }

    public long deleteOfSubject(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    /** One page of the inbox, oldest first, after the ticket {@code after} when given. */
    public List<Ticket> inboxPage(Ticket after, int limit) {
        StringBuilder query = new StringBuilder("subjectId is null");
        Parameters parameters = new Parameters();
        if (after != null) {
            query.append(" and (receivedAt > :at or (receivedAt = :at and id > :id))");
            parameters.and("at", after.receivedAt).and("id", after.id);
        }
        query.append(" order by receivedAt, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    /** The inbox tickets whose latest delivery was before the moment (a retention cutoff). */
    public List<UUID> inboxIdsLastReceivedBefore(Instant before) {
        return getEntityManager()
                .createQuery(
                        "select t.id from Ticket t where t.subjectId is null and t.lastReceivedAt < :before"
                                + " order by t.lastReceivedAt",
                        UUID.class)
                .setParameter("before", before)
                .getResultList();
    }

    /** The inbox ticket, locked, when it is still in the inbox and its latest delivery was before the moment. */
    public Optional<Ticket> inboxTicketLastReceivedBefore(UUID id, Instant before) {
        return find("id = ?1 and subjectId is null and lastReceivedAt < ?2", id, before)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
