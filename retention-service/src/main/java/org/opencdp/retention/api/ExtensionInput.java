package org.opencdp.retention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.Extension;

@Schema(name = "ExtensionInput", description = "An extension of the due date (GDPR Art. 12(3))")
public record ExtensionInput(
        @NotNull @Schema(required = true, description = "1 or 2", examples = "2")
        Integer months,

        @Size(max = 1000) @Schema(description = "Why; required", examples = "Complex request across 12 years of orders")
        String reason,

        @Schema(description = "When the person was told; required, within the first month", examples = "2026-11-25")
        LocalDate noticeSentOn) {

    Extension toExtension() {
        return new Extension(reason, noticeSentOn);
    }
}
