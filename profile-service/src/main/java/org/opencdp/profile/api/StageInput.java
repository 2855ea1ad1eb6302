package org.opencdp.profile.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.PipelineStage;

@Schema(name = "StageInput", description = "The stage a lead moves to")
public record StageInput(
        @NotNull @Schema(required = true, examples = "QUALIFIED")
        PipelineStage stage) {}
