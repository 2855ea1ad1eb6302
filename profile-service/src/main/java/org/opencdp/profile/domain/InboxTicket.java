package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An unmatched ticket as an agent sees it in the inbox: decrypted, with its articles oldest first. */
public record InboxTicket(
        UUID id,
        String source,
        String number,
        String title,
        TicketState state,
        TicketContact contact,
        Instant receivedAt,
        Instant lastReceivedAt,
        List<Article> articles) {

    public record Article(TimelineDirection direction, Instant occurredAt, String summary) {}
}
