package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** A customer's ticket as the service hands it out (an access request's export): decrypted. */
public record StoredTicket(
        UUID id,
        String source,
        String number,
        String title,
        TicketState state,
        Instant updatedAt,
        Instant receivedAt) {}
