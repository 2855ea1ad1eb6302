package org.opencdp.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one set of exception mappers every service uses: each failure becomes an RFC 9457 problem. No stack trace,
 * SQL or submitted value ever reaches the client; unexpected failures are logged with a reference the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response businessRule(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.toProblem().withInstance(path(uri)));
    }

    @ServerExceptionMapper
    public Response beanValidation(ResteasyReactiveViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e)) {
            // Our response broke its own contract: a bug, not the caller's fault.
            return unexpected(e, uri);
        }
        return ProblemResponses.invalid(ProblemType.VALIDATION, fieldErrors(e), path(uri));
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        return ProblemResponses.invalid(ProblemType.VALIDATION, fieldErrors(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.MALFORMED_JSON, JsonErrors.syntaxDetail(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return ProblemResponses.of(ProblemType.MALFORMED_JSON, JsonErrors.syntaxDetail(e), path(uri));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String message = e.getMessage();
        String detail = message == null || message.startsWith("HTTP ") ? defaultDetail(type) : message;
        Response response =
                ProblemResponses.of(new Problem(type.uri(), type.title(), status, detail, path(uri), List.of()));
        // Keep headers the framework set for the client, e.g. Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        return response;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation.", path(uri));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response response =
                ProblemResponses.of(ProblemType.UNAUTHORIZED, "A valid bearer access token is required.", path(uri));
        response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        // Exception messages can quote stored values (a unique-key violation names the key value), so the log
        // keeps the exception types and stack frames only.
        LOG.errorf("Unexpected failure, reference %s, on %s: %s", reference, path(uri), SafeThrowable.describe(e));
        return ProblemResponses.of(
                ProblemType.INTERNAL,
                "An unexpected error occurred. Quote reference " + reference + " when reporting it.",
                path(uri));
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            return businessRule(problem, uri);
        }
        return ProblemResponses.invalid(ProblemType.VALIDATION, JsonErrors.fieldErrors(e), path(uri));
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .flatMap(v -> java.util.stream.StreamSupport.stream(
                        v.getPropertyPath().spliterator(), false))
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }

    private static List<Problem.FieldError> fieldErrors(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return errors;
    }

    /**
     * {@code create.request.emails[0].address} becomes {@code emails[0].address}: the method and parameter names
     * mean nothing to the client, except for query and path parameters, where the parameter is the field.
     */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "$" : parameter;
        }
        return field.toString();
    }

    private static String defaultDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "There is no resource at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support this HTTP method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This resource answers with application/json.";
            default -> type.title() + ".";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
