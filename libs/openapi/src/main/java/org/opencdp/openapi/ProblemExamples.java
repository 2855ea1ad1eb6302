package org.opencdp.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.opencdp.openapi.ProblemResponsesFilter.OperationShape;
import org.opencdp.problem.ProblemType;

/**
 * Example problem documents for an operation's error responses, as the shared exception mappers write them: the
 * same type, title and detail texts, and the operation's path as the instance.
 */
final class ProblemExamples {

    private ProblemExamples() {}

    static String name(int status) {
        return title(status).toLowerCase();
    }

    static String title(int status) {
        return ProblemType.forStatus(status).title();
    }

    /** The example for a status; {@code description} is the response's, the detail of statuses without a standard one. */
    static Map<String, Object> of(int status, OperationShape shape, String description) {
        if (status == 400 && (shape.hasBody() || !shape.parameters().isEmpty())) {
            return badRequest(shape);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 401 -> "A valid bearer access token is required.";
            case 403 -> "Your roles do not allow this operation.";
            case 404 -> "There is no resource at this path.";
            case 412 -> "The resource was changed since you read it. Read it again and reapply your change.";
            case 413 -> "The request body is larger than this service accepts.";
            case 428 -> "Send the current ETag in an If-Match header, so concurrent changes are not lost.";
            default -> description == null || description.isBlank() ? type.title() + "." : sentence(description);
        };
        return problem(type, status, detail, shape.concretePath(), List.of());
    }

    /** A body that is not JSON where the operation takes one, else an invalid value of its first parameter. */
    private static Map<String, Object> badRequest(OperationShape shape) {
        if (shape.hasBody()) {
            return problem(
                    ProblemType.MALFORMED_JSON,
                    400,
                    "The request body is not valid JSON at line 1, column 12.",
                    shape.concretePath(),
                    List.of());
        }
        Parameter parameter = shape.parameters().stream()
                .filter(p -> p.getIn() == Parameter.In.PATH)
                .findFirst()
                .orElse(shape.parameters().get(0));
        String message = isUuid(parameter.getExample())
                ? "must be a UUID such as 3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b"
                : "is invalid";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", parameter.getName());
        error.put("message", message);
        return problem(ProblemType.VALIDATION, 400, "1 field is invalid", shape.concretePath(), List.of(error));
    }

    private static Map<String, Object> problem(
            ProblemType type, int status, String detail, String instance, List<Map<String, Object>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.title());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private static boolean isUuid(Object example) {
        if (example == null) {
            return false;
        }
        try {
            UUID.fromString(example.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
