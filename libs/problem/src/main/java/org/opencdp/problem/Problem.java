package org.opencdp.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code errors} names each offending field, so a form can show the message next to the field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail, the body of every error response.")
public record Problem(
        @Schema(
                description = "Identifies the kind of problem; stable, documented in the README.",
                examples = "urn:opencdp:problem:validation")
        URI type,

        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request")
        String title,

        @Schema(description = "The HTTP status code.", examples = "400")
        int status,

        @Schema(description = "What went wrong in this occurrence, for a person.", examples = "2 fields are invalid")
        String detail,

        @Schema(description = "The request path this problem occurred on.", examples = "/api/v1/customers")
        String instance,

        @Schema(description = "One entry per invalid field.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code emails[0].address}, and why it is invalid. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(
                    description = "Path of the field in the request body or the parameter name.",
                    examples = "emails[0].address")
            String field,

            @Schema(description = "Why the value is invalid.", examples = "must be a well-formed email address")
            String message) {}

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
