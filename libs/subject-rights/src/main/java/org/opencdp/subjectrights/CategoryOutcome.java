package org.opencdp.subjectrights;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an erasure, restriction or rectification did to one data category: how many records were deleted, restricted, or kept
 * because a statutory retention duty overrides erasure (and until when, under which law).
 */
@Schema(name = "CategoryOutcome")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryOutcome(
        @Schema(examples = "orders") String category,
        @Schema(examples = "3") long erased,
        @Schema(examples = "0") long restricted,

        @Schema(
                description = "Records kept despite erasure because the law requires it; they are restricted",
                examples = "2")
        long keptUnderLegalHold,

        @Schema(description = "When the kept records will be deleted", examples = "2034-12-31")
        LocalDate keptUntil,

        @Schema(examples = "HGB §257, AO §147 (booking vouchers, 8 years)")
        String legalReference,

        @Schema(description = "Records corrected by a rectification (Art. 16); absent otherwise", examples = "1")
        Long rectified) {

    public CategoryOutcome(
            String category,
            long erased,
            long restricted,
            long keptUnderLegalHold,
            java.time.LocalDate keptUntil,
            String legalReference) {
        this(category, erased, restricted, keptUnderLegalHold, keptUntil, legalReference, null);
    }

    public static CategoryOutcome rectified(String category, long count) {
        return new CategoryOutcome(category, 0, 0, 0, null, null, count);
    }

    public static CategoryOutcome erased(String category, long count) {
        return new CategoryOutcome(category, count, 0, 0, null, null);
    }

    public static CategoryOutcome restricted(String category, long count) {
        return new CategoryOutcome(category, 0, count, 0, null, null);
    }

    public static CategoryOutcome keptUnderLegalHold(
            String category, long erased, long kept, LocalDate until, String legalReference) {
        return new CategoryOutcome(category, erased, kept, kept, until, legalReference);
    }
}
