package org.opencdp.consent.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.RecordedConsent;

@Schema(name = "RecordedConsent", description = "The ledger entry just recorded")
public record RecordedView(
        @Schema(examples = "019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f")
        UUID entryId,

        @Schema(description = "PENDING until a double opt-in is confirmed")
        ConsentStatus status) {

    static RecordedView of(RecordedConsent recorded) {
        return new RecordedView(recorded.entryId(), recorded.status());
    }
}
