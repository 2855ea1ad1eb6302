package org.opencdp.profile.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.TicketReceipt;

@Schema(name = "TicketReceipt", description = "What became of a delivery; no customer is named to the ticket system")
public record TicketReceiptView(
        @Schema(description = "The ticket's id in OpenCDP") UUID ticketId,

        @Schema(description = "true: no single customer matched; the ticket waits in the inbox for an agent")
        boolean inInbox,

        @Schema(description = "false when the article was recorded before (or the delivery had none)")
        boolean articleRecorded) {

    static TicketReceiptView of(TicketReceipt receipt) {
        return new TicketReceiptView(receipt.ticketId(), receipt.inInbox(), receipt.articleRecorded());
    }
}
