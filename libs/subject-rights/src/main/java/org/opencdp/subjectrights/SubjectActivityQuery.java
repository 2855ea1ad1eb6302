package org.opencdp.subjectrights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which of these subjects had activity since a moment: one page of profile-service's inactive-profile candidates. */
@Schema(name = "SubjectActivityQuery")
public record SubjectActivityQuery(
        @NotNull
        @Size(max = MAX_SUBJECTS)
        @Schema(
                required = true,
                description = "Subject ids, at most " + MAX_SUBJECTS,
                examples = "[\"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c\",\"0b6c3f2e-8d1a-4c5b-9e7f-2a3b4c5d6e7f\"]")
        List<@NotNull UUID> subjectIds,

        @NotNull
        @Schema(
                required = true,
                description = "Activity at or after this moment counts (the retention cutoff)",
                examples = "2024-01-01T00:00:00Z")
        Instant since) {

    /** One page of candidates: profile-service asks about this many subjects at a time. */
    public static final int MAX_SUBJECTS = 1_000;
}
