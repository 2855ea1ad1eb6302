package org.opencdp.profile.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketAssignment")
public record AssignmentView(
        UUID ticketId,
        UUID customerId,

        @Schema(description = "How many of its articles became entries of the customer's timeline")
        int articlesMoved) {}
