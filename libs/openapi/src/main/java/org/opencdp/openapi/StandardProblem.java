package org.opencdp.openapi;

import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencdp.openapi.ProblemResponsesFilter.OperationShape;

/** The problems an operation can answer with because of its shape alone, and what they mean to a client. */
enum StandardProblem {
    BAD_REQUEST(
            400,
            shape -> shape.hasBody() || !shape.parameters().isEmpty(),
            "Invalid request: malformed JSON, or invalid or unknown fields or parameters (`errors` names each); "
                    + "nothing was changed"),
    UNAUTHORIZED(401, OperationShape::secured, "No access token, or an invalid or expired one"),
    FORBIDDEN(403, OperationShape::secured, "The token's roles do not allow this operation"),
    NOT_FOUND(404, OperationShape::mayBeNotFound, "No such resource"),
    PRECONDITION_FAILED(
            412,
            OperationShape::takesIfMatch,
            "If-Match names an outdated version: someone changed the resource since you read it, and nothing was "
                    + "changed. Read it again and reapply your change"),
    PAYLOAD_TOO_LARGE(413, OperationShape::hasBody, "The body is larger than this service accepts"),
    PRECONDITION_REQUIRED(428, OperationShape::takesIfMatch, "If-Match is missing: send the ETag you read");

    static final String BODY_LIMIT = "quarkus.http.limits.max-body-size";

    private final int status;
    private final Predicate<OperationShape> appliesTo;
    private final String description;

    StandardProblem(int status, Predicate<OperationShape> appliesTo, String description) {
        this.status = status;
        this.appliesTo = appliesTo;
        this.description = description;
    }

    static StandardProblem of(int status) {
        for (StandardProblem problem : values()) {
            if (problem.status == status) {
                return problem;
            }
        }
        return null;
    }

    String code() {
        return Integer.toString(status);
    }

    boolean appliesTo(OperationShape shape) {
        return appliesTo.test(shape);
    }

    String description() {
        if (this == PAYLOAD_TOO_LARGE) {
            // The limit as this build configures it; a deployment that changes it also changes this text's truth.
            return ConfigProvider.getConfig()
                    .getOptionalValue(BODY_LIMIT, String.class)
                    .map(limit -> description + " (" + limit + "B)")
                    .orElse(description);
        }
        return description;
    }
}
