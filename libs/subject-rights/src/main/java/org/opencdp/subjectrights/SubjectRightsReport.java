package org.opencdp.subjectrights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service's receipt for an erasure or restriction, per data category. */
@Schema(name = "SubjectRightsReport")
public record SubjectRightsReport(
        @Schema(examples = "profile-service") String service,
        UUID subjectId,

        @Schema(description = "The data-subject request this answers")
        UUID requestId,

        SubjectRightsAction action,
        Instant completedAt,

        @Schema(description = "Processing of the subject remains restricted afterwards")
        boolean restricted,

        List<CategoryOutcome> categories) {}
