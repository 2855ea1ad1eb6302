package org.opencdp.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.opencdp.problem.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.util.FilterUtil;
import io.smallrye.openapi.api.util.UnusedSchemaFilter;

/**
 * Adds the problem responses every operation shares, so that resources declare only what is specific to them:
 * 401 and 403 on every secured operation, 400 where it takes parameters or a body, 404 where its path has a
 * parameter (unless the operation says it never answers 404), 413 where it takes a body, 412 and 428 where it takes {@code If-Match}. Every 4xx and 5xx response,
 * added here or declared by a resource (e.g. a 409 with its reason), gets the {@code application/problem+json}
 * media type, the shared {@code Problem} schema and an example of its status.
 *
 * <p>A resource's own description and examples win: it declares {@code @APIResponse(responseCode = "409",
 * description = "Processing of the customer is restricted (GDPR Art. 18)")} and this filter adds the rest. Only
 * 401 and 403 are described here alone, since they mean the same everywhere.
 *
 * <p>Runs at build time, after Quarkus has added the security requirements from the role annotations (Quarkus's
 * own bare 400, 401 and 403 are completed here), so the document stored in the build, which the clients are
 * generated from, has these responses. Last, it drops the schemas no operation uses.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    /**
     * An operation whose path has a parameter but which never answers 404 (an unknown subject has an empty audit
     * trail, not none) says so with {@code @Operation(extensions = @Extension(name = "x-opencdp-never-404", value =
     * "true"))}.
     */
    public static final String NEVER_NOT_FOUND = "x-opencdp-never-404";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(PROBLEM)) {
            throw new IllegalStateException("The OpenAPI document has no Problem schema: libs/problem's Problem "
                    + "record must be in the application's index");
        }
        List<SecurityRequirement> documentSecurity = openAPI.getSecurity();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (item.getOperations() != null) {
                    item.getOperations()
                            .values()
                            .forEach(operation -> addProblems(path, item, operation, documentSecurity));
                }
            });
        }
        // Every schema of a shared library's records is in the document, used or not. Drop the unused ones here:
        // SmallRye's own option for it runs before this filter and would drop Problem, which only now is used.
        FilterUtil.applyFilter(new UnusedSchemaFilter(), openAPI);
    }

    private static void addProblems(
            String path, PathItem item, Operation operation, List<SecurityRequirement> documentSecurity) {
        OperationShape shape = OperationShape.of(path, item, operation, documentSecurity);
        operation.removeExtension(NEVER_NOT_FOUND);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (StandardProblem problem : StandardProblem.values()) {
            if (problem.appliesTo(shape) && !responses.hasAPIResponse(problem.code())) {
                responses.addAPIResponse(problem.code(), OASFactory.createAPIResponse());
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                completeProblem(Integer.parseInt(code), response, shape);
            }
        });
    }

    private static void completeProblem(int status, APIResponse response, OperationShape shape) {
        StandardProblem standard = StandardProblem.of(status);
        if (status == 401 || status == 403 || isBlank(response.getDescription())) {
            response.setDescription(standard != null ? standard.description() : ProblemExamples.title(status));
        }
        MediaType problem =
                response.getContent() == null ? null : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            // Described without a body, or under the operation's media type (a @Content without mediaType): the
            // body is problem+json all the same. What the resource described of it is kept.
            problem = OASFactory.createMediaType();
            Map<String, MediaType> described =
                    response.getContent() == null ? null : response.getContent().getMediaTypes();
            if (described != null && !described.isEmpty()) {
                MediaType first = described.values().iterator().next();
                problem.schema(first.getSchema()).examples(first.getExamples()).example(first.getExample());
            }
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM));
        }
        if ((problem.getExamples() == null || problem.getExamples().isEmpty()) && problem.getExample() == null) {
            problem.addExample(
                    ProblemExamples.name(status),
                    OASFactory.createExample().value(ProblemExamples.of(status, shape, response.getDescription())));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** What of an operation decides which problems it can answer with. */
    record OperationShape(
            String concretePath,
            boolean secured,
            boolean hasBody,
            List<Parameter> parameters,
            boolean takesIfMatch,
            boolean neverNotFound) {

        static OperationShape of(
                String path, PathItem item, Operation operation, List<SecurityRequirement> documentSecurity) {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            List<SecurityRequirement> security =
                    operation.getSecurity() != null ? operation.getSecurity() : documentSecurity;
            boolean secured = security != null
                    && security.stream()
                            .anyMatch(requirement -> requirement.getSchemes() != null
                                    && !requirement.getSchemes().isEmpty());
            boolean ifMatch = parameters.stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
            boolean neverNotFound = operation.getExtensions() != null
                    && "true".equals(String.valueOf(operation.getExtensions().get(NEVER_NOT_FOUND)));
            return new OperationShape(
                    concrete(path, parameters),
                    secured,
                    operation.getRequestBody() != null,
                    parameters,
                    ifMatch,
                    neverNotFound);
        }

        boolean mayBeNotFound() {
            return !neverNotFound && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        }

        /** The path with each parameter replaced by its example, so that an example's instance looks real. */
        private static String concrete(String path, List<Parameter> parameters) {
            String concrete = path;
            for (Parameter parameter : parameters) {
                if (parameter.getIn() == Parameter.In.PATH && parameter.getExample() != null) {
                    concrete = concrete.replace(
                            "{" + parameter.getName() + "}",
                            parameter.getExample().toString());
                }
            }
            return concrete;
        }
    }
}
