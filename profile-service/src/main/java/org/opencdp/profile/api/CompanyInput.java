package org.opencdp.profile.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.opencdp.profile.api.validation.LanguageTag;
import org.opencdp.profile.api.validation.NaceCode;
import org.opencdp.profile.domain.AcquisitionSource;
import org.opencdp.profile.domain.CompanySizeBand;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.RevenuePotentialBand;

// "type" is read by Jackson to pick this record (CustomerInput); it is declared here so that generated clients send it.
@Schema(
        name = "CompanyInput",
        description = "A business customer. Its contact persons are persons of their own, "
                + "added through POST /api/v1/customers/{companyId}/contacts.",
        requiredProperties = "type",
        properties =
                @SchemaProperty(
                        name = "type",
                        type = SchemaType.STRING,
                        enumeration = "COMPANY",
                        description = "Always COMPANY"))
public record CompanyInput(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Musterbau GmbH")
        String companyName,

        @NaceCode @Schema(description = "NACE Rev. 2 / WZ 2008 code", examples = "41.20")
        String industryCode,

        @Schema(examples = "SMALL") CompanySizeBand companySize,
        @Schema(examples = "HIGH") RevenuePotentialBand revenuePotential,
        @LanguageTag @Schema(examples = "de") String language,
        @Size(max = 10) List<@Valid AddressInput> addresses,
        @Size(max = 10) List<@Valid EmailInput> emails,
        @Size(max = 10) List<@Valid PhoneInput> phones,
        @Valid PaymentMethodInput preferredPaymentMethod,

        @Size(max = 30) @Schema(examples = "[\"construction\"]")
        List<
                        @Pattern(
                                regexp = "[\\p{Ll}\\p{N}][\\p{Ll}\\p{N} -]{0,39}",
                                message = "must be a lower-case tag of at most 40 letters, digits, spaces or dashes")
                        String>
                interests,

        @Schema(examples = "EVENT") AcquisitionSource acquisitionSource)
        implements CustomerInput {

    @Override
    public CustomerProfile toProfile() {
        return new CustomerProfile(
                CustomerKind.COMPANY,
                null,
                null,
                null,
                null,
                null,
                null,
                companyName.strip(),
                industryCode,
                companySize,
                revenuePotential,
                language,
                CustomerInput.map(addresses, AddressInput::toDomain),
                CustomerInput.map(emails, EmailInput::toDomain),
                CustomerInput.map(phones, PhoneInput::toDomain),
                preferredPaymentMethod == null ? null : preferredPaymentMethod.toDomain(),
                CustomerInput.map(interests, String::strip),
                acquisitionSource);
    }

    static CompanyInput of(CustomerProfile p) {
        return new CompanyInput(
                p.companyName(),
                p.industryCode(),
                p.companySize(),
                p.revenuePotential(),
                p.language(),
                CustomerInput.map(p.addresses(), AddressInput::of),
                CustomerInput.map(p.emails(), EmailInput::of),
                CustomerInput.map(p.phones(), PhoneInput::of),
                PaymentMethodInput.of(p.preferredPaymentMethod()),
                p.interests(),
                p.acquisitionSource());
    }
}
