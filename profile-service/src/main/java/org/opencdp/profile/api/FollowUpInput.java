package org.opencdp.profile.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpInput", description = "A reminder to contact a customer or a lead again")
public record FollowUpInput(
        @NotNull
        @Pattern(
                regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                message = "must be a UUID such as 3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b")
        @Schema(required = true, description = "The customer's or the lead's id", examples = LeadExamples.ID)
        String subjectId,

        @NotNull @Schema(required = true, description = "Today or later", examples = "2026-12-04")
        LocalDate dueDate,

        @Size(min = 1, max = 100)
        @Pattern(regexp = "[\\p{L}\\p{N}._@-]+", message = "must be a login name: letters, digits, . _ @ -")
        @Schema(description = "The agent's login name; the caller when absent", examples = "sales")
        String owner,

        @Size(max = 2000) @Schema(description = "What to follow up on", examples = "Send the revised proposal")
        String note) {}
