package org.opencdp.subjectrights;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The subject-rights contract: the same small interface in every service, for one subject. retention-service is
 * its only caller (realm role {@code svc-retention}); it fans a data-subject request out to every service and
 * collects the receipts. Both the server side ({@link SubjectRightsResource}) and the client side
 * ({@code SubjectRightsParticipants} in libs/subject-rights-client) use this interface, so they cannot drift apart.
 */
@Path("/api/v1/subject-rights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subject rights",
        description = "GDPR data-subject rights for one subject; called by retention-service only")
// The role rules are on SubjectRightsResource, where the document generator does not see them; this says that every
// operation needs the realm's token ("keycloak" is the scheme libs/service-defaults names).
@SecurityRequirement(name = "keycloak")
public interface SubjectRightsApi {

    String SUBJECT_EXAMPLE = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c";
    /** A subject unknown here is a subject without data, never a 404 (libs/openapi's ProblemResponsesFilter reads this). */
    String NEVER_NOT_FOUND = "x-opencdp-never-404";

    @GET
    @Operation(
            operationId = "getSubjectRightsCapabilities",
            summary = "The data categories this service holds",
            description = "Declares the contract version and the data categories with their legal basis, retention, "
                    + "purposes, categories of data subjects and the retention policy that governs each, and the retention categories its purge deletes: the "
                    + "record of processing (retention-service) is generated from it.")
    @APIResponse(
            responseCode = "200",
            description = "Capabilities",
            content =
                    @Content(
                            schema = @Schema(implementation = ContractCapabilities.class),
                            examples = @ExampleObject(name = "profile-service", value = """
                    {"service":"profile-service","contractVersion":"1","categories":[{"name":"customer-master-data",
                    "description":"Names, addresses, e-mail addresses, phone numbers","legalBasis":"GDPR Art. 6(1)(b)",
                    "retention":"while a customer","purposes":["customer-relationship","newsletter"],
                    "subjectCategories":["CUSTOMERS","CONTACT_PERSONS"],"retentionCategory":"inactive-customer-profile"}],
                    "rights":["EXPORT","ERASURE","RESTRICTION","RECTIFICATION"],"retentionCategories":["audit-trail","inactive-customer-profile"]}""")))
    ContractCapabilities capabilities();

    @GET
    @Path("/{subjectId}")
    @Operation(
            operationId = "exportSubjectData",
            extensions = @Extension(name = NEVER_NOT_FOUND, value = "true"),
            summary = "Export everything held on a subject (Art. 15, 20)",
            description = "Machine-readable JSON of every record in every category. An unknown subject gets an "
                    + "export with empty categories, not a 404: a subject may exist in some services only.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content =
                    @Content(
                            schema = @Schema(implementation = SubjectDataExport.class),
                            examples = @ExampleObject(name = "one customer", value = """
                    {"service":"profile-service","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
                    "exportedAt":"2026-11-25T10:15:30Z","restricted":false,"categories":[{"category":"customer-master-data",
                    "records":1,"data":[{"givenName":"Erika","familyName":"Mustermann"}]}]}""")))
    SubjectDataExport export(
            @Parameter(description = "The subject id issued by profile-service", example = SUBJECT_EXAMPLE)
                    @PathParam("subjectId")
                    String subjectId);

    @POST
    @Path("/{subjectId}/erasure")
    @Operation(
            operationId = "eraseSubject",
            extensions = @Extension(name = NEVER_NOT_FOUND, value = "true"),
            summary = "Erase a subject (Art. 17)",
            description = "Deletes every record and destroys the subject's data key, so encrypted copies (backups "
                    + "included) become unreadable. Records a statutory retention duty requires are kept, restricted "
                    + "and reported with their deletion date; the key then stays until they expire. Idempotent.")
    @APIResponse(
            responseCode = "200",
            description = "The erasure receipt",
            content =
                    @Content(
                            schema = @Schema(implementation = SubjectRightsReport.class),
                            examples = @ExampleObject(name = "erased", value = """
                    {"service":"profile-service","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
                    "requestId":"0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","action":"ERASURE","completedAt":"2026-11-25T10:15:30Z",
                    "restricted":false,"categories":[{"category":"customer-master-data","erased":1,"restricted":0,
                    "keptUnderLegalHold":0},{"category":"subject-key","erased":1,"restricted":0,"keptUnderLegalHold":0}]}""")))
    SubjectRightsReport erase(
            @Parameter(example = SUBJECT_EXAMPLE) @PathParam("subjectId") String subjectId,
            @Valid SubjectRightsRequest request);

    @POST
    @Path("/{subjectId}/restriction")
    @Operation(
            operationId = "restrictSubject",
            extensions = @Extension(name = NEVER_NOT_FOUND, value = "true"),
            summary = "Restrict processing of a subject (Art. 18)",
            description = "The data stays but is blocked for every use except storage and legal claims. Idempotent.")
    @APIResponse(
            responseCode = "200",
            description = "The restriction receipt",
            content = @Content(schema = @Schema(implementation = SubjectRightsReport.class)))
    SubjectRightsReport restrict(
            @Parameter(example = SUBJECT_EXAMPLE) @PathParam("subjectId") String subjectId,
            @Valid SubjectRightsRequest request);

    @DELETE
    @Path("/{subjectId}/restriction")
    @Operation(
            operationId = "liftSubjectRestriction",
            extensions = @Extension(name = NEVER_NOT_FOUND, value = "true"),
            summary = "Lift an Art. 18 restriction",
            description = "Ends a restriction requested under Art. 18. A restriction because of a legal hold after "
                    + "an erasure stays; the receipt then says restricted=true.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = SubjectRightsReport.class)))
    SubjectRightsReport liftRestriction(
            @Parameter(example = SUBJECT_EXAMPLE) @PathParam("subjectId") String subjectId,
            @Parameter(description = "The data-subject request that lifts it", required = true) @QueryParam("requestId")
                    String requestId);

    @POST
    @Path("/{subjectId}/rectification")
    @Operation(
            operationId = "rectifySubject",
            summary = "Correct a subject's data (Art. 16)",
            description = "Applies the JSON merge patch to the subject's data, validated as any change of it. Only a "
                    + "service that declares RECTIFICATION in its capabilities holds such data (422 elsewhere). "
                    + "Idempotent by request id: a repeated call answers the first receipt and changes nothing more.")
    @APIResponse(
            responseCode = "200",
            description = "The rectification receipt",
            content =
                    @Content(
                            schema = @Schema(implementation = SubjectRightsReport.class),
                            examples = @ExampleObject(name = "corrected", value = """
                    {"service":"profile-service","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
                    "requestId":"0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","action":"RECTIFICATION",
                    "completedAt":"2026-11-25T10:15:30Z","restricted":false,"categories":[{"category":"customer-master-data",
                    "erased":0,"restricted":0,"keptUnderLegalHold":0,"rectified":1}]}""")))
    @APIResponse(responseCode = "404", description = "No such subject here")
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (Art. 18)")
    @APIResponse(responseCode = "422", description = "This service holds no data a rectification corrects")
    SubjectRightsReport rectify(
            @Parameter(example = SUBJECT_EXAMPLE) @PathParam("subjectId") String subjectId,
            @Valid SubjectRectification rectification);
}
