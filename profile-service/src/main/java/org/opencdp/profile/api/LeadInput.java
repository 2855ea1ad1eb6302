package org.opencdp.profile.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.api.validation.Phone;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.LeadDetails;
import org.opencdp.profile.domain.LeadSource;
import org.opencdp.profile.domain.PhoneNumbers;
import org.opencdp.profile.domain.Salutation;

/**
 * What sales sends to create or replace a lead. Ids, stage and timestamps are never accepted from a client: the stage
 * changes through PUT /api/v1/leads/{id}/stage and the conversion.
 */
@Schema(
        name = "LeadInput",
        description = "A prospective person (givenName and familyName) or company (companyName). On conversion the "
                + "customer gets exactly these fields.")
public record LeadInput(
        @NotNull @Schema(required = true, examples = "PERSON")
        CustomerKind type,

        @Schema(description = "Persons only", examples = "MS")
        Salutation salutation,

        @Size(max = 100) @Schema(description = "Persons: required", examples = "Erika")
        String givenName,

        @Size(max = 100) @Schema(description = "Persons: required", examples = "Mustermann")
        String familyName,

        @Size(max = 200) @Schema(description = "Companies: required; not for persons", examples = "Musterbau GmbH")
        String companyName,

        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
        @Schema(examples = "erika.mustermann@example.de")
        String email,

        @Size(max = 40)
        @Phone
        @Schema(examples = "0171 2345678", description = "Any common notation; without +country prefix read as German")
        String phone,

        @NotNull @Schema(required = true, examples = "TRADE_FAIR")
        LeadSource source) {

    LeadDetails toDetails() {
        return new LeadDetails(
                type,
                salutation,
                PersonInput.blankToNull(givenName),
                PersonInput.blankToNull(familyName),
                PersonInput.blankToNull(companyName),
                PersonInput.blankToNull(email),
                phone == null || phone.isBlank()
                        ? null
                        : PhoneNumbers.toE164(phone).orElseThrow());
    }
}
