package org.opencdp.audit;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a subject's audit trail, oldest entry first, with the state of the subject's whole hash chain. */
@Schema(name = "AuditTrailPage")
public record AuditTrailPage(
        @Schema(description = "The subject", examples = "3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b")
        UUID subjectId,

        @Schema(
                description = "Whether every entry of the subject's chain verifies, not only those on this page",
                examples = "true")
        boolean chainIntact,

        @Schema(
                description = "The first entry that does not verify; null while the chain is intact",
                nullable = true,
                examples = "4712")
        Long firstBrokenEntryId,

        @Schema(description = "Entries, oldest first") List<AuditEntryView> entries,

        @Schema(
                description = "Pass as `after` for the next page; null on the last page",
                nullable = true,
                examples = "4711")
        String next) {}
