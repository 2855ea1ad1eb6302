package org.opencdp.retention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RejectionInput")
public record RejectionInput(
        @NotBlank @Size(max = 1000) @Schema(required = true, examples = "Identity could not be verified (Art. 12(6))")
        String reason) {}
