package org.opencdp.profile.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Customers created together: all of them or, if one is invalid, none. */
@Schema(
        name = "CustomerBatch",
        description = "Up to " + CustomerBatchInput.MAX_CUSTOMERS + " customers, persons and "
                + "companies mixed, each exactly as for a single create.")
public record CustomerBatchInput(
        @NotNull @Size(min = 1, max = MAX_CUSTOMERS) @Schema(required = true, maxItems = MAX_CUSTOMERS)
        List<@NotNull @Valid CustomerInput> customers) {

    /** Keeps a batch well under the 256 KB body limit (a customer is one to two kilobytes) and its transaction short. */
    public static final int MAX_CUSTOMERS = 100;
}
