package org.opencdp.profile.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.domain.ContactUse;
import org.opencdp.profile.domain.EmailAddress;

@Schema(name = "EmailAddressInput")
public record EmailInput(
        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
        @Schema(required = true, examples = "erika.mustermann@example.de")
        String address,

        @Schema(examples = "PRIVATE", defaultValue = "PRIVATE")
        ContactUse use,

        @Schema(description = "The address to use first", defaultValue = "false")
        boolean primary) {

    EmailAddress toDomain() {
        return new EmailAddress(address.strip(), use == null ? ContactUse.PRIVATE : use, primary);
    }

    static EmailInput of(EmailAddress email) {
        return new EmailInput(email.address(), email.use(), email.primary());
    }
}
