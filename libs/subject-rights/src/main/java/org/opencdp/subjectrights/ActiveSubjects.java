package org.opencdp.subjectrights;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subjects of a {@link SubjectActivityQuery} that had activity in this service since its moment. */
@Schema(name = "ActiveSubjects")
public record ActiveSubjects(
        @Schema(
                description = "The subset of the ids asked about that had activity since then, in no order",
                examples = "[\"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c\"]")
        List<UUID> activeSubjectIds) {}
