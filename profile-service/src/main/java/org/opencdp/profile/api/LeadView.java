package org.opencdp.profile.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.LeadDetails;
import org.opencdp.profile.domain.LeadSource;
import org.opencdp.profile.domain.PipelineStage;
import org.opencdp.profile.domain.Salutation;
import org.opencdp.profile.domain.StoredLead;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A lead. Once converted, its personal fields are absent: the customer with the same id (customerId) holds them.
 */
@Schema(name = "Lead")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadView(
        @Schema(description = "The subject id; the customer it converts into gets the same id")
        UUID id,

        @Schema(examples = "PERSON") CustomerKind type,

        @Schema(description = "Also sent as ETag; send it back in If-Match to replace the lead", examples = "2")
        long version,

        LeadSource source,
        PipelineStage stage,
        Salutation salutation,
        @Schema(examples = "Erika") String givenName,
        @Schema(examples = "Mustermann") String familyName,
        @Schema(examples = "Musterbau GmbH") String companyName,
        @Schema(examples = "erika.mustermann@example.de") String email,

        @Schema(description = "E.164", examples = "+491712345678")
        String phone,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The last change to the lead or its follow-ups; the lead expires when untouched too long")
        Instant lastTouchedAt,

        Instant convertedAt,

        @Schema(description = "Once converted: the customer's id (the lead's own)")
        UUID customerId) {

    static LeadView of(StoredLead lead) {
        LeadDetails d = lead.details();
        return new LeadView(
                lead.id(),
                lead.kind(),
                lead.version(),
                lead.source(),
                lead.stage(),
                d == null ? null : d.salutation(),
                d == null ? null : d.givenName(),
                d == null ? null : d.familyName(),
                d == null ? null : d.companyName(),
                d == null ? null : d.email(),
                d == null ? null : d.phone(),
                lead.createdAt(),
                lead.updatedAt(),
                lead.lastTouchedAt(),
                lead.convertedAt(),
                lead.convertedAt() == null ? null : lead.id());
    }
}
