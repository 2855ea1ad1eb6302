package org.opencdp.subjectrights.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One participating service's answer to a fanned-out call: the result, or why there is none. A failure of one
 * service never hides the answers of the others.
 */
@Schema(name = "ParticipantAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantAnswer<T>(
        @Schema(examples = "profile") String participant,
        T result,

        @Schema(description = "Why there is no result", examples = "unreachable: ConnectException")
        String error) {

    public boolean answered() {
        return error == null;
    }
}
