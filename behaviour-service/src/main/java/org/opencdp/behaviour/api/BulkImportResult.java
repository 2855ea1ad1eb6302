package org.opencdp.behaviour.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.behaviour.service.OrderImport;
import org.opencdp.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a bulk import did: counts, and one result per row in the order sent. */
@Schema(name = "BulkImportResult")
public record BulkImportResult(
        @Schema(examples = "3") int received,
        @Schema(examples = "1") int created,
        @Schema(examples = "1") int unchanged,
        @Schema(examples = "1") int rejected,
        List<RowResult> results) {

    @Schema(name = "BulkImportRowResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowResult(
            @Schema(description = "Position in the request, from 0", examples = "2")
            int row,

            @Schema(examples = "SO-2026-000123") String externalId,
            OrderImport.Outcome outcome,

            @Schema(description = "Our id of the stored order (created now or before)")
            UUID orderId,

            @Schema(description = "Why the row was rejected (400 invalid, 409 conflicting resend)")
            Problem problem) {}

    static BulkImportResult of(List<OrderImport.RowResult> results) {
        List<RowResult> rows = results.stream()
                .map(r -> new RowResult(r.row(), r.externalId(), r.outcome(), r.orderId(), r.problem()))
                .toList();
        return new BulkImportResult(
                rows.size(),
                count(rows, OrderImport.Outcome.CREATED),
                count(rows, OrderImport.Outcome.UNCHANGED),
                count(rows, OrderImport.Outcome.REJECTED),
                rows);
    }

    private static int count(List<RowResult> rows, OrderImport.Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
