package org.opencdp.consent.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.PurposeAttributes;

@Schema(
        name = "PurposeAttributesInput",
        description = "All attributes of a purpose, as they are to be from now on (its texts are versions)")
public record PurposeAttributesInput(
        @NotNull @Schema(examples = "CONSENT") LegalBasis legalBasis,

        @NotNull @Schema(description = "Advertising addressed to the person (objection denies it)")
        Boolean directMarketing,

        @NotNull @Schema(description = "Consent becomes effective only when the person confirms an e-mail (newsletter)")
        Boolean doubleOptIn,

        @NotEmpty @Size(max = 20) @Schema(examples = "[\"contact-data\"]")
        List<@NotNull @Pattern(regexp = PurposeInput.ID, message = "must be lower-case words joined by hyphens") String>
                dataCategories,

        @NotNull @Size(max = 500) @Schema(examples = "until the consent is revoked")
        String retention,

        @Size(max = 20)
        @Pattern(regexp = PurposeInput.PERIOD, message = "must be an ISO-8601 period, e.g. P14M")
        @Schema(description = "ISO-8601 period after collection; absent when as long as the consent", examples = "P14M")
        String retentionPeriod) {

    PurposeAttributes toAttributes() {
        return new PurposeAttributes(
                legalBasis, directMarketing, doubleOptIn, dataCategories, retention, retentionPeriod);
    }
}
