package org.opencdp.consent.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.ObjectionWithdrawal;

@Schema(name = "ObjectionWithdrawal", description = "The withdrawal entry and the objection it ended")
public record ObjectionWithdrawalView(
        @Schema(description = "The OBJECTION_WITHDRAWN entry; null when nothing was recorded")
        UUID entryId,

        @Schema(description = "The OBJECTION entry it ended; null when nothing was recorded")
        UUID objectionEntryId,

        @Schema(description = "false when no objection was in force (nothing changed)")
        boolean recorded) {

    static ObjectionWithdrawalView of(ObjectionWithdrawal withdrawal) {
        return new ObjectionWithdrawalView(withdrawal.entryId(), withdrawal.objectionEntryId(), withdrawal.recorded());
    }
}
