package org.opencdp.profile.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactLinkInput", description = "Makes an existing person a contact of a company.")
public record ContactLinkInput(
        @Size(max = 100) @Schema(examples = "Managing Director")
        String jobTitle) {}
