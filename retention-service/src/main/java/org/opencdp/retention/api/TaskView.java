package org.opencdp.retention.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.RequestTask;
import org.opencdp.retention.domain.TaskStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Task", description = "One participating service's part of a request")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
        @Schema(examples = "tracking") String participant,
        TaskStatus status,
        @Schema(examples = "3") int attempts,

        @Schema(
                description = "An HTTP status or an exception class; for a FAILED task the answer that failed it",
                examples = "unreachable: ConnectException")
        String lastError,

        Instant nextAttemptAt,
        Instant doneAt) {

    static TaskView of(RequestTask task) {
        return new TaskView(
                task.participant(),
                task.status(),
                task.attempts(),
                task.lastError(),
                task.status() == TaskStatus.PENDING ? task.nextAttemptAt() : null,
                task.doneAt());
    }
}
