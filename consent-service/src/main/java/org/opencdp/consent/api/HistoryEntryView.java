package org.opencdp.consent.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.HistoryEntry;
import org.opencdp.consent.domain.HolderType;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.RecordedBy;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ConsentHistoryEntry", description = "A ledger entry with its proof")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryView(
        UUID entryId,

        @Schema(description = "The ledger order: the later entry of a holder and purpose is in force")
        long sequence,

        HolderType holderType,

        @Schema(description = "The subject's UUID or the linked visitor's 32 hex digits")
        String holderId,

        ConsentAction action,
        @Schema(examples = "newsletter") String purpose,

        @Schema(description = "The purpose version whose text was shown", examples = "1")
        Integer version,

        @Schema(examples = "de") String language,
        @Schema(description = "SHA-256 of the text shown") String textHash,
        Channel channel,
        Instant recordedAt,
        RecordedBy recordedBy,
        String proofReference,

        @Schema(description = "CONFIRM: the pending entry; REVOKE: the entry ended")
        UUID refersTo,

        @Schema(description = "An entry made from a visitor's when they were linked: the original")
        UUID linkedFrom,

        @Schema(description = "LINK: the subject the visitor became")
        UUID linkedSubject,

        @Schema(description = "Double opt-in: the address to be confirmed")
        String email) {

    static HistoryEntryView of(HistoryEntry history) {
        LedgerEntry e = history.entry();
        return new HistoryEntryView(
                e.id(),
                e.sequence(),
                e.holder().type(),
                e.holder().externalId(),
                e.action(),
                e.purposeId(),
                e.purposeVersion(),
                e.language(),
                e.textHash(),
                e.channel(),
                e.recordedAt(),
                e.recordedBy(),
                e.proofReference(),
                e.refersTo(),
                e.linkedFrom(),
                e.linkedSubject(),
                history.email());
    }
}
