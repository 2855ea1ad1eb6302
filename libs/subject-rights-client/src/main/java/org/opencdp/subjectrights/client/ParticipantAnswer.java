package org.opencdp.subjectrights.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One participating service's answer to a fanned-out call: the result, or why there is none. A failure of one
 * service never hides the answers of the others. {@code status} is the HTTP status of an error answer, absent when
 * the service could not be reached at all.
 */
@Schema(name = "ParticipantAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantAnswer<T>(
        @Schema(examples = "profile") String participant,
        T result,

        @Schema(description = "Why there is no result", examples = "unreachable: ConnectException")
        String error,

        @Schema(description = "The HTTP status of an error answer", examples = "409")
        Integer status) {

    public static <T> ParticipantAnswer<T> of(String participant, T result) {
        return new ParticipantAnswer<>(participant, result, null, null);
    }

    public boolean answered() {
        return error == null;
    }

    /**
     * The service refused the call for good: a 4xx answer means the call itself is wrong (an unknown route, a state
     * the service will not change, a misconfigured service account), and asking again gives the same answer. 408 and
     * 429 are the exceptions: they say "not now", like a 5xx.
     */
    @JsonIgnore
    public boolean refused() {
        return status != null && status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
