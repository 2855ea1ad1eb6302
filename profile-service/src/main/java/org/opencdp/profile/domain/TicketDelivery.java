package org.opencdp.profile.domain;

import java.time.Instant;

/**
 * A ticket as a ticket system delivered it: its id there, number and title, state, the time of its last change, the
 * contact it names, and the article that caused the delivery (null for a change of the ticket alone).
 */
public record TicketDelivery(
        String ticketId,
        String number,
        String title,
        TicketState state,
        Instant updatedAt,
        TicketContact contact,
        TicketArticle article) {}
