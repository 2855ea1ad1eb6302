package org.opencdp.retention.domain;

import java.time.Instant;

import org.opencdp.subjectrights.RetentionPurgeReport;

/** One participant's part of a purge run: its report once it answered, else why not and how often it was asked. */
public record PurgeParticipant(
        String participant,
        PurgeStatus status,
        int attempts,
        String lastError,
        RetentionPurgeReport report,
        Instant answeredAt) {

    public enum PurgeStatus {
        PENDING,
        ANSWERED,
        FAILED
    }
}
