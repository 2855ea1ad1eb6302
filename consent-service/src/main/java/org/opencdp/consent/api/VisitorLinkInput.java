package org.opencdp.consent.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VisitorLinkInput", description = "The subject a visitor turned out to be")
public record VisitorLinkInput(
        @NotNull @Schema(examples = ConsentExamples.SUBJECT) String subjectId) {}
