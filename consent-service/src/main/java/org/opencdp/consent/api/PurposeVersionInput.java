package org.opencdp.consent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.PurposeText;

@Schema(name = "PurposeVersionInput", description = "The texts of a new version, one per language offered")
public record PurposeVersionInput(
        @NotEmpty @Size(max = 30) @Schema(description = "Language tag (`de`, `en`, `de-AT`) to text")
        Map<
                        @Pattern(regexp = PurposeInput.LANGUAGE, message = "must be a language tag like de or de-AT")
                        String,
                        @Valid TextInput>
                texts) {

    Map<String, PurposeText> toTexts() {
        return toTexts(texts);
    }

    static Map<String, PurposeText> toTexts(Map<String, TextInput> texts) {
        Map<String, PurposeText> result = new LinkedHashMap<>();
        texts.forEach((language, text) -> result.put(language, PurposeText.of(language, text.title(), text.body())));
        return result;
    }
}
