package org.opencdp.consent.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurposeTextInput", description = "A purpose's text in one language, exactly as it is shown")
public record TextInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Newsletter")
        String title,

        @NotBlank @Size(max = 10_000) @Schema(examples = "I would like to receive the newsletter by e-mail.")
        String body) {}
