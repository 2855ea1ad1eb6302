package org.opencdp.profile.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.InboxTicket;
import org.opencdp.profile.domain.TicketContact;
import org.opencdp.profile.domain.TicketState;
import org.opencdp.profile.domain.TimelineDirection;

@Schema(name = "InboxTicket", description = "A ticket no single customer matched, waiting for an agent to assign it")
public record InboxTicketView(
        UUID id,

        @Schema(description = "The integration that sent it", examples = "integration:zammad-support")
        String source,

        @Schema(nullable = true, examples = "10081") String number,

        @Schema(nullable = true, examples = "Invoice question")
        String title,

        TicketState state,

        @Schema(description = "Whom the ticket system names as its customer: to find the right one")
        TicketContact contact,

        Instant receivedAt,

        @Schema(description = "The latest delivery; the ticket expires 90 days (the policy's period) after it")
        Instant lastReceivedAt,

        @Schema(description = "Oldest first") List<Article> articles) {

    @Schema(name = "InboxTicketArticle")
    public record Article(TimelineDirection direction, Instant occurredAt, String summary) {}

    static InboxTicketView of(InboxTicket ticket) {
        return new InboxTicketView(
                ticket.id(),
                ticket.source(),
                ticket.number(),
                ticket.title(),
                ticket.state(),
                ticket.contact(),
                ticket.receivedAt(),
                ticket.lastReceivedAt(),
                ticket.articles().stream()
                        .map(a -> new Article(a.direction(), a.occurredAt(), a.summary()))
                        .toList());
    }
}
