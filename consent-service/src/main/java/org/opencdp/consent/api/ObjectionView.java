package org.opencdp.consent.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Objection;

@Schema(name = "Objection", description = "The objection entry and the direct-marketing consents it revoked")
public record ObjectionView(
        UUID entryId,

        @Schema(description = "false when the subject had objected before (nothing changed)")
        boolean recorded,

        RevocationsView revoked) {

    static ObjectionView of(Objection objection) {
        return new ObjectionView(
                objection.entryId(), objection.recorded(), RevocationsView.of(objection.revocations()));
    }
}
