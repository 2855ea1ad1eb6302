package org.opencdp.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up as the service hands it out, with its decrypted note and whether its subject is still a lead. */
public record StoredFollowUp(
        UUID id,
        UUID subjectId,
        FollowUpSubject subjectType,
        String owner,
        LocalDate dueDate,
        String note,
        boolean done,
        Instant completedAt,
        Instant createdAt) {

    /** What the follow-up is on, so an agent's list can open the right record. */
    public enum FollowUpSubject {
        CUSTOMER,
        LEAD
    }
}
