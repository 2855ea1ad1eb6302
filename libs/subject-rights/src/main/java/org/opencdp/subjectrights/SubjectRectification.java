package org.opencdp.subjectrights;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An Art. 16 rectification: the data-subject request it belongs to and the corrected fields. */
@Schema(name = "SubjectRectification")
public record SubjectRectification(
        @NotNull @Schema(required = true, examples = "0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b")
        UUID requestId,

        @NotNull
        @Schema(
                required = true,
                type = SchemaType.OBJECT,
                implementation = Object.class,
                description = "A JSON merge patch (RFC 7396) of the corrected fields, written against the service's "
                        + "own input shape (profile-service: CustomerInput)",
                examples = "{\"familyName\":\"Müller-Lüdenscheidt\"}")
        ObjectNode patch) {}
