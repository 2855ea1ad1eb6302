package org.opencdp.audit;

import java.time.Instant;
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

        @Schema(
                description = "How many entries of the chain are legacy entries written before the chain was keyed: "
                        + "they verify only as an unkeyed hash, which someone with write access to the database "
                        + "could have recomputed (see each entry's `keyed`)",
                examples = "0")
        long unkeyedEntries,

        @Schema(
                description = "Set when older audit periods of this subject were deleted by the retention purge: "
                        + "the chain starts at a checkpoint and every deleted entry was older than this time; null "
                        + "when the chain is complete from its first entry",
                nullable = true,
                examples = "2020-01-01T00:00:00Z")
        Instant earlierEntriesDeletedBefore,

        @Schema(description = "Entries, oldest first") List<AuditEntryView> entries,

        @Schema(
                description = "Pass as `after` for the next page; null on the last page",
                nullable = true,
                examples = "4711")
        String next) {}
