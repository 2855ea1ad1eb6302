package org.opencdp.retention.api;

import java.net.URI;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;
import org.opencdp.retention.domain.Receipt;
import org.opencdp.retention.service.SubjectRequests;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data-subject requests, for the dpo only: filing, the identity check (which starts the work), a due-date extension,
 * a rejection, the overdue watch, the receipt and the export.
 */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Data-subject requests (GDPR Art. 15-21) across every service")
@RolesAllowed(Roles.DPO)
public class RequestResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final String ID_EXAMPLE = "0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";

    @Inject
    SubjectRequests requests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "fileRequest",
            summary = "File a data-subject request",
            description = "Records how and when the request arrived; the due date is one month after receipt. Nothing "
                    + "is sent to the services before the requester's identity is verified. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RequestInput.class),
                            examples = @ExampleObject(name = "erasure by letter", value = """
                    {"type":"ERASURE","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","channel":"MAIL",
                     "receivedOn":"2026-11-20"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Filed, state RECEIVED",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    public Response file(@Valid RequestInput input) {
        RequestView filed = RequestView.of(requests.file(requireBody(input).toCommand()));
        return Response.created(URI.create("/api/v1/requests/" + filed.id()))
                .entity(filed)
                .build();
    }

    @GET
    @Operation(
            operationId = "listRequests",
            summary = "Requests, newest first; the overdue watch, most urgent first",
            description = "Without a filter every request, newest first. overdue=true lists the open requests past "
                    + "their due date; dueWithin=P7D the open ones due within that period (overdue ones included); "
                    + "both by due date, the most urgent first. Paged: pass a page's next as cursor. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "One page of requests",
            content = @Content(schema = @Schema(implementation = RequestPageView.class)))
    @APIResponse(responseCode = "400", description = "A bad cursor, limit, overdue or dueWithin")
    public RequestPageView list(
            @Parameter(description = "true: only open requests past their due date") @QueryParam("overdue")
                    String overdue,
            @Parameter(description = "ISO 8601 period: open requests due within it", example = "P7D")
                    @QueryParam("dueWithin")
                    String dueWithin,
            @Parameter(description = "From the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Page size, 1 to 200",
                            example = "50",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    String limit) {
        int size = RequestParameters.pageSize("limit", limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        UUID after = RequestParameters.cursor("cursor", cursor);
        return RequestPageView.of(requests.list(flag("overdue", overdue), period("dueWithin", dueWithin), after, size));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getRequest",
            summary = "A request with its tasks",
            description = "The state, the verification, the due date and one task per service with its status, "
                    + "attempts and last error. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    public RequestView get(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return RequestView.of(requests.details(RequestParameters.uuid("id", id)));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "verifyRequest",
            summary = "Record the identity check and start the work",
            description = "Stores one task per participating service; the worker then calls them until each one "
                    + "answers. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = VerificationInput.class),
                            examples = @ExampleObject(name = "call back", value = """
                    {"verifiedBy":"dpo Jana Weber","method":"CALLBACK","verifiedAt":"2026-11-21T09:30:00Z"}""")))
    @APIResponse(
            responseCode = "200",
            description = "VERIFIED, with its tasks",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request is not RECEIVED")
    public RequestView verify(
            @Parameter(example = ID_EXAMPLE) @PathParam("id") String id, @Valid VerificationInput input) {
        var requestId = RequestParameters.uuid("id", id);
        return RequestView.of(requests.verify(requestId, requireBody(input).toVerification()));
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "extendRequest",
            summary = "Extend the due date by one or two months (Art. 12(3))",
            description = "Only with a reason and the date the person was told, within the first month. Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ExtensionInput.class),
                            examples = @ExampleObject(name = "two months", value = """
                    {"months":2,"reason":"Complex request across 12 years of orders","noticeSentOn":"2026-11-25"}""")))
    @APIResponse(
            responseCode = "200",
            description = "The request with its new due date",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request is closed")
    @APIResponse(
            responseCode = "422",
            description = "No reason, no notice, a notice after the first month, more than two months, or extended "
                    + "before")
    public RequestView extend(
            @Parameter(example = ID_EXAMPLE) @PathParam("id") String id, @Valid ExtensionInput input) {
        var requestId = RequestParameters.uuid("id", id);
        ExtensionInput extension = requireBody(input);
        return RequestView.of(requests.extend(requestId, extension.months(), extension.toExtension()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rejectRequest",
            summary = "Reject a request before the services are asked",
            description = "E.g. when the requester's identity cannot be confirmed (Art. 12(6)). Roles: dpo.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RejectionInput.class),
                            examples = @ExampleObject(name = "identity", value = """
                    {"reason":"Identity could not be verified (Art. 12(6))"}""")))
    @APIResponse(
            responseCode = "200",
            description = "REJECTED",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "The services were asked already")
    public RequestView reject(
            @Parameter(example = ID_EXAMPLE) @PathParam("id") String id, @Valid RejectionInput input) {
        var requestId = RequestParameters.uuid("id", id);
        return RequestView.of(requests.reject(requestId, requireBody(input).reason()));
    }

    @POST
    @Path("/{id}/tasks/{participant}/retry")
    @Operation(
            operationId = "retryRequestTask",
            summary = "Ask a service again after it refused its task",
            description =
                    "A service that answers a task with a 4xx (e.g. 409 for a restricted customer, 404, 403 for a "
                            + "misconfigured service account) fails the task and the request needs attention. Once the cause "
                            + "is dealt with, this makes the task due again; the worker calls the service as before, with the "
                            + "same request id. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The request, with the task PENDING again",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or no task of that service")
    @APIResponse(responseCode = "409", description = "The task is not FAILED, or the request is closed")
    public RequestView retryTask(
            @Parameter(example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "The participating service", example = "consent") @PathParam("participant")
                    String participant) {
        return RequestView.of(requests.retryTask(RequestParameters.uuid("id", id), participant));
    }

    @GET
    @Path("/{id}/receipt")
    @Operation(
            operationId = "getRequestReceipt",
            summary = "What an erasure, restriction or lifting did, per service and category",
            description = "Erased counts, records kept under a legal hold with the law and the date they will be "
                    + "deleted, and noDataHeld when no service held anything on the subject. Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The receipt",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "409", description = "An access, portability or objection request has no receipt")
    public Receipt receipt(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return requests.receipt(RequestParameters.uuid("id", id));
    }

    @GET
    @Path("/{id}/export")
    @Operation(
            operationId = "getRequestExport",
            summary = "Everything held on the subject, from every service, as one JSON document",
            description = "For a completed access or portability request. The read is recorded in the audit trail. "
                    + "Roles: dpo.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = @Content(examples = @ExampleObject(name = "access", value = """
                    {"requestId":"0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
                     "type":"ACCESS","generatedAt":"2026-11-21T10:00:00Z","services":[{"participant":"profile",
                     "export":{"service":"profile-service","categories":[]}}]}""")))
    @APIResponse(responseCode = "409", description = "Not an access or portability request, or not complete yet")
    public ObjectNode export(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return requests.export(RequestParameters.uuid("id", id));
    }

    private static <T> T requireBody(T input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        return input;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalidField(name, "must be true or false");
    }

    private static Period period(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw ProblemException.invalidField(name, "must be a positive ISO 8601 period, e.g. P7D");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO 8601 period, e.g. P7D");
        }
    }
}
