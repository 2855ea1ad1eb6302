package org.opencdp.subjectrights;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Names the data-subject request an erasure or restriction belongs to, for the receipt and the audit trail. */
@Schema(name = "SubjectRightsRequest")
public record SubjectRightsRequest(
        @NotNull @Schema(required = true, examples = "0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b")
        UUID requestId) {}
