package org.opencdp.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A data-subject request as filed by the dpo. {@code rectification} is the JSON merge patch of a RECTIFICATION request
 * as JSON text, kept until the request completes. {@code needsAttention}: a service refused its task for good (a FAILED
 * task), so the request cannot complete until the dpo deals with the cause and retries that task.
 */
public record SubjectRequest(
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
        String rectification,
        boolean needsAttention) {

    /** Art. 12(3): one month from receipt. */
    public static LocalDate dueOn(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    public boolean overdueOn(LocalDate day) {
        return state.isOpen() && dueOn.isBefore(day);
    }
}
