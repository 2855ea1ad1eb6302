package org.opencdp.problem;

import java.util.List;

/**
 * A business rule said no. Services throw it (or build one through the factory methods) and the shared mapper
 * turns it into a problem response; resources never build error responses themselves.
 *
 * <p>The detail must not contain personal data: it is returned to the caller and may be logged.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    /** One invalid field, reported like a Bean Validation failure. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION, "1 field is invalid", List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return new ProblemException(
                ProblemType.VALIDATION,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), null, errors);
    }
}
