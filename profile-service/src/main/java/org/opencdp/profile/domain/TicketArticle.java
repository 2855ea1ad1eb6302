package org.opencdp.profile.domain;

import java.time.Instant;

/**
 * One article (message) of a ticket, as it goes on the timeline: the ticket system's id of it (unique within that
 * system), who wrote it, whether it is an internal note, when, and its summary ({@link ArticleSummary}).
 */
public record TicketArticle(String id, TicketSender sender, boolean internal, Instant occurredAt, String summary) {

    /** The timeline's external reference: the ticket and the article, so a reference never collides with a call's. */
    public String reference(String ticketId) {
        return "ticket:" + ticketId + "/article:" + id;
    }
}
