package org.opencdp.profile.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.StoredFollowUp;
import org.opencdp.profile.domain.StoredFollowUp.FollowUpSubject;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "FollowUp")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpView(
        UUID id,

        @Schema(description = "The customer's or the lead's id")
        UUID subjectId,

        @Schema(description = "Whether subjectId is a customer or a lead not yet converted", examples = "LEAD")
        FollowUpSubject subjectType,

        @Schema(examples = "sales") String owner,
        @Schema(examples = "2026-12-04") LocalDate dueDate,
        @Schema(examples = "Send the revised proposal") String note,
        boolean done,
        Instant completedAt,
        Instant createdAt) {

    static FollowUpView of(StoredFollowUp f) {
        return new FollowUpView(
                f.id(),
                f.subjectId(),
                f.subjectType(),
                f.owner(),
                f.dueDate(),
                f.note(),
                f.done(),
                f.completedAt(),
                f.createdAt());
    }
}
