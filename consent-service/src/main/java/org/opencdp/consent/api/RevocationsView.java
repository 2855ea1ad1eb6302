package org.opencdp.consent.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Revocation;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Revocations", description = "Per purpose: whether the call changed anything")
public record RevocationsView(List<Item> purposes) {

    @Schema(name = "RevocationOutcome")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(examples = "newsletter") String purpose,

            @Schema(description = "false when it was never granted or was revoked already (idempotent)")
            boolean changed,

            @Schema(description = "The REVOKE entry (when changed)")
            UUID entryId,

            @Schema(description = "The entry it ended (when changed)")
            UUID revokedEntryId) {}

    static RevocationsView of(List<Revocation> revocations) {
        return new RevocationsView(revocations.stream()
                .map(r -> new Item(r.purposeId(), r.changed(), r.changed() ? r.entryId() : null, r.revokedEntryId()))
                .toList());
    }
}
