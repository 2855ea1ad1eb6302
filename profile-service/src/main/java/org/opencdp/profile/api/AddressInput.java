package org.opencdp.profile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.api.validation.IsoCountry;
import org.opencdp.profile.api.validation.ValidPostcode;
import org.opencdp.profile.domain.PostalAddress;
import org.opencdp.profile.domain.PostalAddress.AddressType;

@ValidPostcode
@Schema(name = "Address")
public record AddressInput(
        @NotNull @Schema(required = true, examples = "HOME") AddressType type,

        @NotBlank @Size(max = 120) @Schema(required = true, examples = "Hauptstraße 5")
        String street,

        @Size(max = 120) @Schema(description = "c/o, floor, building", examples = "3. OG")
        String addressLine2,

        @NotBlank @Size(max = 12) @Schema(required = true, examples = "10115")
        String postcode,

        @NotBlank @Size(max = 80) @Schema(required = true, examples = "Berlin")
        String city,

        @NotBlank @IsoCountry @Schema(required = true, description = "ISO 3166-1 alpha-2", examples = "DE")
        String country) {

    PostalAddress toDomain() {
        return new PostalAddress(
                type,
                street.strip(),
                addressLine2 == null ? null : addressLine2.strip(),
                postcode.strip().toUpperCase(),
                city.strip(),
                country);
    }

    static AddressInput of(PostalAddress address) {
        return new AddressInput(
                address.type(),
                address.street(),
                address.addressLine2(),
                address.postcode(),
                address.city(),
                address.country());
    }
}
