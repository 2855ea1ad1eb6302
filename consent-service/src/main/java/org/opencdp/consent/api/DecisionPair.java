package org.opencdp.consent.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionPair", description = "A holder (subjectId or visitorId) and a purpose")
public record DecisionPair(
        @Schema(examples = ConsentExamples.SUBJECT) String subjectId,
        @Schema(examples = ConsentExamples.VISITOR) String visitorId,

        @NotNull @Size(max = 64) @Schema(examples = "newsletter")
        String purpose) {}
