package org.opencdp.retention.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.PolicyHistory;
import org.opencdp.retention.domain.RetentionPolicy;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(
        name = "RetentionPolicy",
        description = "A data category's retention policy in force; with its versions when one category is read")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(
        @Schema(examples = "booking-vouchers") String category,

        @Schema(examples = "Orders, invoices and other booking vouchers (Buchungsbelege)")
        String description,

        @Schema(description = "Also sent as ETag; send it back in If-Match to change the policy", examples = "1")
        int version,

        @Schema(description = "ISO 8601 period", examples = "P8Y")
        String period,

        @Schema(examples = "the end of the calendar year of the booking (order, invoice)")
        String startEvent,

        @Schema(description = "The period runs to the end of the calendar year in which it ends")
        boolean roundToEndOfYear,

        @Schema(examples = "AO §147(1) Nr. 4, (3) and (4); HGB §257(1) Nr. 4, (4) and (5)")
        String legalReference,

        boolean reviewWithLegalCounsel,
        String reviewNote,
        @Schema(examples = "dpo") String changedBy,
        Instant changedAt,

        @Schema(description = "Every version, newest first (only when one category is read)")
        List<PolicyView> versions) {

    static PolicyView of(RetentionPolicy p) {
        return of(p, null);
    }

    static PolicyView of(PolicyHistory history) {
        return of(
                history.current(),
                history.versions().stream().map(PolicyView::of).toList());
    }

    private static PolicyView of(RetentionPolicy p, List<PolicyView> versions) {
        return new PolicyView(
                p.category(),
                p.description(),
                p.version(),
                p.period().toString(),
                p.startEvent(),
                p.roundToEndOfYear(),
                p.legalReference(),
                p.reviewWithLegalCounsel(),
                p.reviewNote(),
                p.changedBy(),
                p.changedAt(),
                versions);
    }
}
