package org.opencdp.profile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.api.validation.Phone;
import org.opencdp.profile.domain.PhoneNumber;
import org.opencdp.profile.domain.PhoneNumbers;

@Schema(name = "PhoneNumberInput", description = "A phone number in any common notation; stored in E.164 form only.")
public record PhoneInput(
        @NotBlank
        @Size(max = 40)
        @Phone
        @Schema(
                required = true,
                examples = "0171 2345678",
                description = "Without +country prefix it is read as German")
        String number,

        @Schema(examples = "MOBILE", defaultValue = "OTHER") PhoneNumber.PhoneType type,
        @Schema(defaultValue = "false") boolean primary) {

    PhoneNumber toDomain() {
        return new PhoneNumber(
                PhoneNumbers.toE164(number).orElseThrow(), type == null ? PhoneNumber.PhoneType.OTHER : type, primary);
    }

    static PhoneInput of(PhoneNumber phone) {
        return new PhoneInput(phone.number(), phone.type(), phone.primary());
    }
}
