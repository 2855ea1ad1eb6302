package org.opencdp.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.Channel;
import org.opencdp.retention.domain.Extension;
import org.opencdp.retention.domain.RequestDetails;
import org.opencdp.retention.domain.RequestState;
import org.opencdp.retention.domain.RequestType;
import org.opencdp.retention.domain.SubjectRequest;
import org.opencdp.retention.domain.Verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

@Schema(name = "Request", description = "A data-subject request; the list leaves out the tasks")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(
        UUID id,
        RequestType type,
        UUID subjectId,
        Channel channel,
        LocalDate receivedOn,
        LocalDate dueOn,
        RequestState state,
        Verification verification,
        Extension extension,
        String rejectionReason,
        String filedBy,
        Instant filedAt,
        Instant completedAt,

        @JsonRawValue
        @Schema(
                type = SchemaType.OBJECT,
                description = "RECTIFICATION: the corrected fields as filed; gone once the request completed (the "
                        + "corrected values then live in profile-service)")
        String rectification,

        @Schema(
                description = "A service refused its task (FAILED): the request cannot complete until the dpo deals "
                        + "with the cause and retries that task")
        boolean needsAttention,

        List<TaskView> tasks) {

    static RequestView of(SubjectRequest r) {
        return of(r, null);
    }

    static RequestView of(RequestDetails details) {
        return of(details.request(), details.tasks().stream().map(TaskView::of).toList());
    }

    private static RequestView of(SubjectRequest r, List<TaskView> tasks) {
        return new RequestView(
                r.id(),
                r.type(),
                r.subjectId(),
                r.channel(),
                r.receivedOn(),
                r.dueOn(),
                r.state(),
                r.verification(),
                r.extension(),
                r.rejectionReason(),
                r.filedBy(),
                r.filedAt(),
                r.completedAt(),
                r.rectification(),
                r.needsAttention(),
                tasks);
    }
}
