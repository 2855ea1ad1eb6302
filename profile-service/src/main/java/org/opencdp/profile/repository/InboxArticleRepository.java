package org.opencdp.profile.repository;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.InboxArticle;
import org.opencdp.profile.domain.TimelineDirection;

/** The articles of tickets in the inbox (table {@code ticket_inbox_article}). */
@ApplicationScoped
public class InboxArticleRepository {

    @Inject
    DataSource dataSource;

    public void insert(InboxArticle article) {
        Jdbc.update(
                dataSource,
                "INSERT INTO ticket_inbox_article (id, ticket_id, reference_hash, direction, occurred_at, summary,"
                        + " external_reference, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                article.id,
                article.ticketId,
                article.referenceHash,
                article.direction,
                article.occurredAt,
                article.encryptedSummary,
                article.encryptedReference,
                article.receivedAt);
    }

    public boolean existsByReference(byte[] referenceHash) {
        return Jdbc.first(
                        dataSource,
                        "SELECT 1 FROM ticket_inbox_article WHERE reference_hash = ?",
                        rs -> Boolean.TRUE,
                        referenceHash)
                .isPresent();
    }

    /** The articles of inbox tickets, oldest first per ticket. */
    public List<InboxArticle> ofTickets(List<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(
                dataSource,
                "SELECT id, ticket_id, reference_hash, direction, occurred_at, summary, external_reference, received_at"
                        + " FROM ticket_inbox_article WHERE ticket_id = ANY(?) ORDER BY ticket_id, occurred_at, id",
                rs -> {
                    InboxArticle article = new InboxArticle();
                    article.id = Jdbc.uuid(rs, 1);
                    article.ticketId = Jdbc.uuid(rs, 2);
                    article.referenceHash = rs.getBytes(3);
                    article.direction = TimelineDirection.valueOf(rs.getString(4));
                    article.occurredAt = Jdbc.instant(rs, 5);
                    article.encryptedSummary = rs.getBytes(6);
                    article.encryptedReference = rs.getBytes(7);
                    article.receivedAt = Jdbc.instant(rs, 8);
                    return article;
                },
                ticketIds);
    }

    public long deleteOfTicket(UUID ticketId) {
        return Jdbc.update(dataSource, "DELETE FROM ticket_inbox_article WHERE ticket_id = ?", ticketId);
    }
}
