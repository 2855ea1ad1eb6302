package org.opencdp.profile.api;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketAssignmentInput")
public record AssignmentInput(
        @NotBlank
        @Schema(required = true, description = "The customer the ticket is from", examples = CustomerExamples.ID)
        String customerId) {}
