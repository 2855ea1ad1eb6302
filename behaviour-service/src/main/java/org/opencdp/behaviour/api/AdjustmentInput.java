package org.opencdp.behaviour.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Returns and cancellations a shop reports on an order. */
public final class AdjustmentInput {

    private AdjustmentInput() {}

    @Schema(name = "ReturnInput")
    public record Return(
            @Schema(description = "The shop's id of the return; resending it is harmless", examples = "R-77")
            String returnId,

            @Schema(examples = "2026-11-25T09:00:00Z") OffsetDateTime returnedAt,

            @Schema(description = "What was refunded", examples = "12.90")
            BigDecimal amount) {}

    @Schema(name = "CancellationInput")
    public record Cancellation(
            @Schema(examples = "2026-11-20T15:00:00Z") OffsetDateTime cancelledAt) {}
}
