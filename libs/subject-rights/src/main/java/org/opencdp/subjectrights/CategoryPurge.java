package org.opencdp.subjectrights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a purge run found and did in one category. */
@Schema(name = "CategoryPurge")
public record CategoryPurge(
        @Schema(examples = "tracking-raw-events") String category,

        @Schema(description = "The version of the policy applied", examples = "2")
        int policyVersion,

        @Schema(description = "Records past their period when the run began", examples = "1200")
        long expired,

        @Schema(description = "Records deleted (0 in a dry run)", examples = "0")
        long deleted,

        @Schema(
                description = "Records whose expiry could not be judged in this run (a service the category must ask"
                        + " did not answer): neither counted as expired nor deleted; the next run judges them again",
                examples = "0")
        long skipped) {}
