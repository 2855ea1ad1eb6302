package org.opencdp.consent.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.PurposeAttributes;
import org.opencdp.consent.domain.PurposeChange;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "PurposeChange", description = "One entry of a purpose's change log: its attributes after the change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurposeChangeView(
        @Schema(description = "0: the purpose's creation; then each edit")
        int number,

        Instant changedAt,

        @Schema(description = "The login name of the dpo who changed it", examples = "dpo.user")
        String changedBy,

        LegalBasis legalBasis,
        boolean directMarketing,
        boolean doubleOptIn,
        List<String> dataCategories,
        String retention,
        String retentionPeriod) {

    static PurposeChangeView of(PurposeChange change) {
        PurposeAttributes a = change.attributes();
        return new PurposeChangeView(
                change.number(),
                change.changedAt(),
                change.changedBy(),
                a.legalBasis(),
                a.directMarketing(),
                a.doubleOptIn(),
                a.dataCategories(),
                a.retention(),
                a.retentionPeriod());
    }
}
