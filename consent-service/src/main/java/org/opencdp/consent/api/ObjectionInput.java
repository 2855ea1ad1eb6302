package org.opencdp.consent.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Channel;

@Schema(name = "ObjectionInput", description = "How the objection, or its withdrawal, reached us")
public record ObjectionInput(
        @NotNull @Schema(examples = "PAPER") Channel channel,

        @Size(max = 100) @Schema(description = "Reference to the letter, call or request", examples = "DSR-2026-0815")
        String proofReference) {}
