package org.opencdp.retention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.Channel;
import org.opencdp.retention.domain.NewRequest;
import org.opencdp.retention.domain.RequestType;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "RequestInput", description = "A data-subject request as it arrived")
public record RequestInput(
        @NotNull @Schema(required = true, examples = "ERASURE")
        RequestType type,

        @NotNull
        @Schema(
                required = true,
                description = "The subject id issued by profile-service",
                examples = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c")
        UUID subjectId,

        @NotNull @Schema(required = true, examples = "MAIL") Channel channel,

        @NotNull
        @Schema(
                required = true,
                description = "When it reached the controller; the due date runs from it",
                examples = "2026-11-20")
        LocalDate receivedOn,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                description =
                        "RECTIFICATION only, and required there: the corrected fields as a JSON merge patch "
                                + "(RFC 7396) of profile-service's customer, e.g. a corrected family name; null removes a field",
                examples = "{\"familyName\":\"Schmidt\"}")
        JsonNode rectification) {

    NewRequest toCommand() {
        return new NewRequest(type, subjectId, channel, receivedOn, rectification);
    }
}
