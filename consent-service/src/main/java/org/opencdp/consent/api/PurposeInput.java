package org.opencdp.consent.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.Purpose;

@Schema(name = "PurposeInput", description = "A new purpose with the texts of its first version")
public record PurposeInput(
        @NotNull
        @Size(max = 64)
        @Pattern(regexp = ID, message = "must be lower-case words joined by hyphens, e.g. web-analytics")
        @Schema(examples = "loyalty-programme")
        String id,

        @NotNull @Schema(examples = "CONSENT") LegalBasis legalBasis,

        @Schema(description = "Advertising addressed to the person (objection denies it)")
        boolean directMarketing,

        @Schema(description = "Consent becomes effective only when the person confirms an e-mail (newsletter)")
        boolean doubleOptIn,

        @NotEmpty @Size(max = 20) @Schema(examples = "[\"contact-data\"]")
        List<@NotNull @Pattern(regexp = ID, message = "must be lower-case words joined by hyphens") String>
                dataCategories,

        @NotNull @Size(max = 500) @Schema(examples = "until the consent is revoked")
        String retention,

        @Size(max = 20)
        @Pattern(regexp = PERIOD, message = "must be an ISO-8601 period, e.g. P14M")
        @Schema(description = "ISO-8601 period after collection; absent when as long as the consent", examples = "P14M")
        String retentionPeriod,

        @NotEmpty @Size(max = 30)
        Map<@Pattern(regexp = LANGUAGE, message = "must be a language tag like de or de-AT") String, @Valid TextInput>
                texts) {

    static final String ID = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
    static final String LANGUAGE = "^[a-z]{2,3}(-[A-Z]{2})?$";
    static final String PERIOD = "^P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$";

    Purpose toPurpose() {
        return new Purpose(
                id, legalBasis, directMarketing, doubleOptIn, dataCategories, retention, retentionPeriod, null, 1);
    }
}
