package org.opencdp.retention.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.Verification;
import org.opencdp.retention.domain.VerificationMethod;

@Schema(name = "VerificationInput", description = "How the requester's identity was checked; no document is stored")
public record VerificationInput(
        @NotBlank @Size(max = 100) @Schema(required = true, description = "Who checked it", examples = "dpo Jana Weber")
        String verifiedBy,

        @NotNull @Schema(required = true, examples = "CALLBACK")
        VerificationMethod method,

        @NotNull @Schema(required = true, examples = "2026-11-21T09:30:00Z")
        Instant verifiedAt) {

    Verification toVerification() {
        return new Verification(verifiedBy, method, verifiedAt);
    }
}
