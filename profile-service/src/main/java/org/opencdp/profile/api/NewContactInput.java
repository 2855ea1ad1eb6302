package org.opencdp.profile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewContact", description = "A new contact person of a company: the person and the job title.")
public record NewContactInput(
        @NotNull @Valid @Schema(required = true) PersonInput person,

        @Size(max = 100) @Schema(examples = "Head of Purchasing")
        String jobTitle) {}
