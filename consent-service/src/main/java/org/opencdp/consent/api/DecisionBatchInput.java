package org.opencdp.consent.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionBatchInput", description = "Up to 1,000 pairs to decide at once")
public record DecisionBatchInput(
        @NotNull @Size(min = 1, max = 1_000) List<@NotNull @Valid DecisionPair> pairs) {}
