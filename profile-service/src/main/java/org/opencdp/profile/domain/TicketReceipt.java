package org.opencdp.profile.domain;

import java.util.UUID;

/**
 * What became of a delivery: the ticket's id here, whether it waits in the inbox, and whether its article was new
 * (false for an article recorded before, or a delivery without one). No customer id: a ticket system learns nothing
 * about the customers, and a kept Zammad answer holds no subject id.
 */
public record TicketReceipt(UUID ticketId, boolean inInbox, boolean articleRecorded) {}
