package org.opencdp.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The filter on a small document: which problems each kind of operation gets, and what each looks like. */
class ProblemResponsesFilterTest {

    private static final String ID = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c";

    @Test
    void aSecuredReadOfOneResourceGetsBadRequestUnauthorizedForbiddenAndNotFound() {
        Operation read = secured(OASFactory.createOperation()).addParameter(pathId());

        filter(document("/api/v1/things/{id}", OASFactory.createPathItem().GET(read)));

        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "404");
        assertThat(example(read, "404"))
                .containsEntry("type", "urn:opencdp:problem:not-found")
                .containsEntry("status", 404)
                .containsEntry("instance", "/api/v1/things/" + ID);
        assertThat(example(read, "400"))
                .containsEntry("type", "urn:opencdp:problem:validation")
                .containsEntry(
                        "errors",
                        List.of(Map.of(
                                "field",
                                "id",
                                "message",
                                "must be a UUID such as 3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b")));
        assertThat(read.getResponses().getAPIResponse("401").getDescription()).contains("access token");
    }

    @Test
    void anUpdateWithABodyAndIfMatchAlsoGetsPayloadTooLargeAndBothPreconditions() {
        Operation update = secured(OASFactory.createOperation())
                .addParameter(pathId())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody()
                        .content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType())));

        filter(document("/api/v1/things/{id}", OASFactory.createPathItem().PUT(update)));

        assertThat(update.getResponses().getAPIResponses())
                .containsOnlyKeys("200", "400", "401", "403", "404", "412", "413", "428");
        assertThat(example(update, "400")).containsEntry("type", "urn:opencdp:problem:malformed-json");
        assertThat(example(update, "412")).containsEntry("type", "urn:opencdp:problem:precondition-failed");
        assertThat(example(update, "428")).containsEntry("status", 428);
    }

    @Test
    void anOperationThatNeverAnswersNotFoundGetsNoNotFound() {
        Operation export = secured(OASFactory.createOperation())
                .addParameter(pathId())
                .addExtension(ProblemResponsesFilter.NEVER_NOT_FOUND, "true");

        filter(document("/api/v1/subjects/{id}", OASFactory.createPathItem().GET(export)));

        assertThat(export.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403");
        assertThat(export.getExtensions()).doesNotContainKey(ProblemResponsesFilter.NEVER_NOT_FOUND);
    }

    @Test
    void anOperationWithoutSecurityParametersOrBodyGetsNoProblems() {
        Operation open = OASFactory.createOperation().responses(ok());

        filter(document("/api/v1/open", OASFactory.createPathItem().GET(open)));

        assertThat(open.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void securityDeclaredForTheWholeDocumentCounts() {
        Operation read = OASFactory.createOperation().responses(ok());
        OpenAPI document =
                document("/api/v1/things", OASFactory.createPathItem().GET(read));
        document.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak"));

        filter(document);

        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200", "401", "403");
    }

    @Test
    void aResourcesOwnConflictKeepsItsDescriptionAndGetsTheProblemBodyWithItAsDetail() {
        Operation read = secured(OASFactory.createOperation()).addParameter(pathId());
        read.getResponses()
                .addAPIResponse(
                        "409",
                        OASFactory.createAPIResponse()
                                .description("Processing of the thing is restricted (GDPR Art. 18)"));

        filter(document("/api/v1/things/{id}", OASFactory.createPathItem().GET(read)));

        APIResponse conflict = read.getResponses().getAPIResponse("409");
        assertThat(conflict.getDescription()).isEqualTo("Processing of the thing is restricted (GDPR Art. 18)");
        assertThat(problemBody(conflict).getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(example(read, "409"))
                .containsEntry("type", "urn:opencdp:problem:conflict")
                .containsEntry("detail", "Processing of the thing is restricted (GDPR Art. 18).");
    }

    @Test
    void aResourcesOwnExampleWinsAndQuarkussBareSecurityResponsesAreCompleted() {
        Operation create = secured(OASFactory.createOperation())
                .requestBody(OASFactory.createRequestBody()
                        .content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType())));
        create.getResponses()
                .addAPIResponse(
                        "400",
                        OASFactory.createAPIResponse()
                                .description("Invalid thing")
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                "application/problem+json",
                                                OASFactory.createMediaType()
                                                        .addExample(
                                                                "invalid name",
                                                                OASFactory.createExample()
                                                                        .value(Map.of("status", 400))))))
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));

        filter(document("/api/v1/things", OASFactory.createPathItem().POST(create)));

        MediaType invalid = problemBody(create.getResponses().getAPIResponse("400"));
        assertThat(invalid.getExamples()).containsOnlyKeys("invalid name");
        assertThat(invalid.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        APIResponse unauthorized = create.getResponses().getAPIResponse("401");
        assertThat(unauthorized.getDescription()).isEqualTo("No access token, or an invalid or expired one");
        assertThat(problemBody(unauthorized)).isNotNull();
    }

    @Test
    void aProblemDescribedUnderTheOperationsMediaTypeBecomesProblemJsonWithItsExample() {
        Operation read = secured(OASFactory.createOperation()).addParameter(pathId());
        read.getResponses()
                .addAPIResponse(
                        "409",
                        OASFactory.createAPIResponse()
                                .description("Restricted")
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                "application/json",
                                                OASFactory.createMediaType()
                                                        .addExample(
                                                                "restricted",
                                                                OASFactory.createExample()
                                                                        .value(Map.of("status", 409))))));

        filter(document("/api/v1/things/{id}", OASFactory.createPathItem().GET(read)));

        APIResponse conflict = read.getResponses().getAPIResponse("409");
        assertThat(conflict.getContent().getMediaTypes()).containsOnlyKeys("application/problem+json");
        assertThat(problemBody(conflict).getExamples()).containsOnlyKeys("restricted");
        assertThat(problemBody(conflict).getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void schemasNoOperationUsesAreDroppedButProblemStays() {
        OpenAPI document = document(
                "/api/v1/things/{id}",
                OASFactory.createPathItem()
                        .GET(secured(OASFactory.createOperation()).addParameter(pathId())));
        document.getComponents().addSchema("EventEnvelope", OASFactory.createSchema());

        filter(document);

        assertThat(document.getComponents().getSchemas()).containsOnlyKeys("Problem", "FieldError");
    }

    @Test
    void aDocumentWithoutTheProblemSchemaIsRefused() {
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents());

        assertThatThrownBy(() -> filter(document))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Problem");
    }

    private static OpenAPI document(String path, org.eclipse.microprofile.openapi.models.PathItem item) {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem(path, item))
                .components(OASFactory.createComponents()
                        .addSchema(
                                "Problem",
                                OASFactory.createSchema()
                                        .addProperty(
                                                "errors",
                                                OASFactory.createSchema()
                                                        .addType(
                                                                org.eclipse.microprofile.openapi.models.media.Schema
                                                                        .SchemaType.ARRAY)
                                                        .items(OASFactory.createSchema()
                                                                .ref("FieldError"))))
                        .addSchema("FieldError", OASFactory.createSchema()));
    }

    private static Operation secured(Operation operation) {
        return operation
                .responses(ok())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak", "sales"));
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponses ok() {
        return OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
    }

    private static Parameter pathId() {
        return OASFactory.createParameter().name("id").in(Parameter.In.PATH).example(ID);
    }

    private static void filter(OpenAPI document) {
        new ProblemResponsesFilter().filterOpenAPI(document);
    }

    private static MediaType problemBody(APIResponse response) {
        return response.getContent().getMediaType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> example(Operation operation, String code) {
        MediaType body = problemBody(operation.getResponses().getAPIResponse(code));
        assertThat(body.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        return (Map<String, Object>)
                body.getExamples().values().iterator().next().getValue();
    }
}
