package org.opencdp.profile.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.api.validation.MaskedReference;
import org.opencdp.profile.domain.PaymentMethod;
import org.opencdp.profile.domain.PaymentMethodType;

@MaskedReference
@Schema(
        name = "PaymentMethodInput",
        description = "The preferred payment method: its type and a masked reference only. "
                + "A full card number or IBAN is refused in this and every other field.")
public record PaymentMethodInput(
        @NotNull @Schema(required = true, examples = "CREDIT_CARD")
        PaymentMethodType type,

        @Size(max = 40)
        @Schema(
                examples = "**** **** **** 4242",
                description =
                        "Card: last 4 digits; SEPA: country, check digits and last 4 (DE89 **** **** **** **30 00); PayPal: masked e-mail")
        String maskedReference) {

    PaymentMethod toDomain() {
        return new PaymentMethod(type, maskedReference == null ? null : maskedReference.strip());
    }

    static PaymentMethodInput of(PaymentMethod method) {
        return method == null ? null : new PaymentMethodInput(method.type(), method.maskedReference());
    }
}
