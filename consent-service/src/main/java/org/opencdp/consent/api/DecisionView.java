package org.opencdp.consent.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Decision;
import org.opencdp.consent.domain.DecisionReason;
import org.opencdp.consent.domain.HolderType;
import org.opencdp.consent.domain.LegalBasis;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Decision", description = "May the purpose be pursued for the holder now?")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(
        @Schema(examples = ConsentExamples.SUBJECT) String subjectId,
        @Schema(examples = ConsentExamples.VISITOR) String visitorId,
        @Schema(examples = "newsletter") String purpose,
        boolean allowed,
        LegalBasis legalBasis,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "The ledger entry behind the answer; null when nothing was ever recorded")
        UUID entryId,

        DecisionReason reason) {

    static DecisionView of(Decision d) {
        boolean subject = d.query().holder().type() == HolderType.SUBJECT;
        String id = d.query().holder().externalId();
        return new DecisionView(
                subject ? id : null,
                subject ? null : id,
                d.query().purposeId(),
                d.allowed(),
                d.legalBasis(),
                d.entryId(),
                d.reason());
    }
}
