package org.opencdp.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that knows the media type and how a problem becomes a response. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Response of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response of(ProblemType type, String detail, String path) {
        return of(new Problem(type.uri(), type.title(), type.status(), detail, path, List.of()));
    }

    public static Response invalid(ProblemType type, List<Problem.FieldError> errors, String path) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return of(new Problem(type.uri(), type.title(), type.status(), detail, path, errors));
    }
}
