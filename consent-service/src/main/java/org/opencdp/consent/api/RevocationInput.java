package org.opencdp.consent.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.consent.domain.Channel;

@Schema(name = "RevocationInput", description = "Withdraws consent to some purposes, or to all")
public record RevocationInput(
        @Schema(examples = ConsentExamples.SUBJECT) String subjectId,
        @Schema(examples = ConsentExamples.VISITOR) String visitorId,

        @Size(max = 100) @Schema(description = "The purposes to revoke; or all", examples = "[\"newsletter\"]")
        List<@NotNull @Size(max = 64) String> purposes,

        @Schema(description = "Revoke every purpose granted or pending (\"reject all\")")
        boolean all,

        @NotNull @Schema(examples = "PHONE") Channel channel,

        @Size(max = 100) @Schema(examples = "CALL-2026-4711")
        String proofReference) {}
