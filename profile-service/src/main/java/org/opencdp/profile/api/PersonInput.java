package org.opencdp.profile.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.opencdp.profile.api.validation.LanguageTag;
import org.opencdp.profile.api.validation.PlausibleBirthDate;
import org.opencdp.profile.domain.AcquisitionSource;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.Gender;
import org.opencdp.profile.domain.Salutation;

// "type" is read by Jackson to pick this record (CustomerInput); it is declared here so that generated clients send it.
@Schema(
        name = "PersonInput",
        description = "A natural person: a B2C customer or a company's contact person.",
        requiredProperties = "type",
        properties =
                @SchemaProperty(
                        name = "type",
                        type = SchemaType.STRING,
                        enumeration = "PERSON",
                        description = "Always PERSON"))
public record PersonInput(
        @Schema(examples = "MS") Salutation salutation,

        @Size(max = 40) @Schema(description = "Academic or honorary title", examples = "Dr.")
        String title,

        @NotBlank @Size(max = 100) @Schema(required = true, examples = "Erika")
        String givenName,

        @NotBlank @Size(max = 100) @Schema(required = true, examples = "Mustermann")
        String familyName,

        @PlausibleBirthDate @Schema(description = "The age is derived from it, never stored", examples = "1984-08-12")
        LocalDate birthDate,

        @Schema(examples = "FEMALE") Gender gender,

        @LanguageTag @Schema(description = "ISO 639-1, optionally with region", examples = "de")
        String language,

        @Size(max = 10) List<@Valid AddressInput> addresses,
        @Size(max = 10) List<@Valid EmailInput> emails,
        @Size(max = 10) List<@Valid PhoneInput> phones,
        @Valid PaymentMethodInput preferredPaymentMethod,

        @Size(max = 30) @Schema(description = "Psychographic interest tags", examples = "[\"outdoor\", \"dogs\"]")
        List<
                        @Pattern(
                                regexp = "[\\p{Ll}\\p{N}][\\p{Ll}\\p{N} -]{0,39}",
                                message = "must be a lower-case tag of at most 40 letters, digits, spaces or dashes")
                        String>
                interests,

        @Schema(examples = "ONLINE_SHOP") AcquisitionSource acquisitionSource,

        @Size(max = 100)
        @Schema(description = "Occupation (Beruf), in the person's words", examples = "Tischlermeisterin")
        String occupation)
        implements CustomerInput {

    @Override
    public CustomerProfile toProfile() {
        return new CustomerProfile(
                CustomerKind.PERSON,
                salutation,
                blankToNull(title),
                givenName.strip(),
                familyName.strip(),
                birthDate,
                gender,
                null,
                null,
                null,
                null,
                language,
                CustomerInput.map(addresses, AddressInput::toDomain),
                CustomerInput.map(emails, EmailInput::toDomain),
                CustomerInput.map(phones, PhoneInput::toDomain),
                preferredPaymentMethod == null ? null : preferredPaymentMethod.toDomain(),
                CustomerInput.map(interests, String::strip),
                acquisitionSource,
                blankToNull(occupation));
    }

    static PersonInput of(CustomerProfile p) {
        return new PersonInput(
                p.salutation(),
                p.title(),
                p.givenName(),
                p.familyName(),
                p.birthDate(),
                p.gender(),
                p.language(),
                CustomerInput.map(p.addresses(), AddressInput::of),
                CustomerInput.map(p.emails(), EmailInput::of),
                CustomerInput.map(p.phones(), PhoneInput::of),
                PaymentMethodInput.of(p.preferredPaymentMethod()),
                p.interests(),
                p.acquisitionSource(),
                p.occupation());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
