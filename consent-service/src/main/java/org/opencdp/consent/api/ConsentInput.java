package org.opencdp.consent.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.RecordConsent;

@Schema(name = "ConsentInput", description = "A consent given, with the proof of the text shown")
public record ConsentInput(
        @Schema(description = "The customer's subject id; or visitorId", examples = ConsentExamples.SUBJECT)
        String subjectId,

        @Schema(description = "A website visitor's id: 32 lowercase hex digits", examples = ConsentExamples.VISITOR)
        String visitorId,

        @NotNull @Size(max = 64) @Schema(examples = "newsletter")
        String purpose,

        @NotNull @Min(1) @Schema(description = "The purpose version whose text was shown", examples = "1")
        Integer version,

        @NotNull
        @Pattern(regexp = PurposeInput.LANGUAGE, message = "must be a language tag like de or de-AT")
        @Schema(examples = "de")
        String language,

        @NotNull
        @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be the hex SHA-256 of the text shown")
        @Schema(description = "The `hash` of the text shown, from the catalog", examples = ConsentExamples.HASH)
        String textHash,

        @NotNull @Schema(examples = "PHONE") Channel channel,

        @Size(max = 100)
        @Schema(
                description = "Your reference to the original proof, e.g. a paper form's archive number",
                examples = "FORM-2026-000123")
        String proofReference,

        @Email
        @Size(max = 254)
        @Schema(
                description = "For double opt-in purposes (newsletter): the address the confirmation goes to",
                examples = "erika.mustermann@example.de")
        String email) {

    RecordConsent toCommand() {
        Holder holder = Holders.of(subjectId, visitorId, "");
        return new RecordConsent(holder, purpose, version, language, textHash, channel, proofReference, email);
    }
}
