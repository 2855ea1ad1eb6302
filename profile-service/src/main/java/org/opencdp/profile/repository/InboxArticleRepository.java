package org.opencdp.profile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.profile.domain.InboxArticle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InboxArticleRepository implements PanacheRepositoryBase<InboxArticle, UUID> {

    public boolean existsByReference(byte[] referenceHash) {
        return count("referenceHash", referenceHash) > 0;
    }

    /** The articles of inbox tickets, oldest first per ticket. */
    public List<InboxArticle> ofTickets(List<UUID> ticketIds) {
        return ticketIds.isEmpty() ? List.of() : list("ticketId in ?1 order by ticketId, occurredAt, id", ticketIds);
    }

    public long deleteOfTicket(UUID ticketId) {
        return delete("ticketId", ticketId);
    }
}
