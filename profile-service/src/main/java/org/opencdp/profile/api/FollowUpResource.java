package org.opencdp.profile.api;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.DueWindow;
import org.opencdp.profile.domain.FollowUpPage;
import org.opencdp.profile.service.FollowUpService;
import org.opencdp.requestparameters.RequestParameters;

/**
 * Follow-up reminders on customers and leads for the agents of sales and service. Thin: parses, authorises, calls
 * {@link FollowUpService}, maps. Any sales or service agent may complete or reopen a follow-up (a colleague covers
 * for an absent owner); "mine" lists the caller's own.
 */
@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Reminders to contact a customer or lead again, per agent")
public class FollowUpResource {

    private static final String VIEW_EXAMPLE = """
            {"id":"9c2d4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f","subjectId":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c",
             "subjectType":"LEAD","owner":"sales","dueDate":"2026-12-04","note":"Send the revised proposal",
             "done":false,"createdAt":"2026-11-27T09:05:00Z"}""";
    private static final String INPUT_EXAMPLE = """
            {"subjectId":"5b1e7c3a-2f4d-4e8a-9b6c-0d1e2f3a4b5c","dueDate":"2026-12-04",
             "note":"Send the revised proposal"}""";
    private static final String ID_EXAMPLE = "9c2d4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f";

    @Inject
    FollowUpService service;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "createFollowUp",
            summary = "Create a follow-up on a customer or a lead",
            description = "Due on a day (today or later), owned by an agent (the caller unless owner names another "
                    + "login), with an optional note, encrypted with the subject's key. A follow-up on a lead stays "
                    + "with the customer the lead converts into (same id), and touches the lead (its expiry counts "
                    + "from the last touch). Roles: sales, service.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = FollowUpInput.class),
                            examples = @ExampleObject(name = "on a lead", value = INPUT_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            headers =
                    @Header(
                            name = "Location",
                            description = "URL of the new follow-up",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            schema = @Schema(implementation = FollowUpView.class),
                            examples = @ExampleObject(name = "on a lead", value = VIEW_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, a due date in the past, or a subjectId that names no customer or lead")
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (GDPR Art. 18)")
    public Response create(@Valid FollowUpInput input) {
        RequestBodies.required(input);
        String owner = input.owner() == null ? caller.name() : input.owner();
        FollowUpView created = FollowUpView.of(service.create(
                RequestParameters.uuid("subjectId", input.subjectId()), owner, input.dueDate(), input.note()));
        URI location = uri.getBaseUriBuilder()
                .path(FollowUpResource.class)
                .path(created.id().toString())
                .build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "listFollowUpsOfSubject",
            summary = "The open follow-ups on a customer or lead",
            description = "Every agent's open follow-ups on the subject, in due order (then by id), paged with the "
                    + "cursor. An id that is no customer or lead has none. Recorded in the subject's audit trail. "
                    + "Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "One page of follow-ups",
            content = @Content(schema = @Schema(implementation = FollowUpList.class)))
    @APIResponse(
            responseCode = "400",
            description = "No or an invalid subjectId, an invalid cursor or a limit over 100")
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (GDPR Art. 18)")
    public FollowUpList ofSubject(
            @Parameter(description = "The customer's or the lead's id", required = true, example = LeadExamples.ID)
                    @QueryParam("subjectId")
                    String subjectId,
            @BeanParam PageQuery paging) {
        UUID subject = RequestParameters.uuid("subjectId", subjectId);
        int size = paging.size();
        UUID after = paging.after();
        return list(service.openOn(subject, after, size));
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "listMyFollowUps",
            summary = "My open follow-ups",
            description = "The caller's open follow-ups in due order (then by id), paged with the cursor: all of them, "
                    + "or with due=overdue those due before today, due=today those due today, due=week those due today "
                    + "or in the next six days (days in UTC). Follow-ups on restricted subjects are left out. Each one "
                    + "shown is recorded in the subject's audit trail. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "One page of follow-ups",
            content = @Content(schema = @Schema(implementation = FollowUpList.class)))
    @APIResponse(responseCode = "400", description = "An unknown due window, an invalid cursor or a limit over 100")
    public FollowUpList mine(
            @Parameter(
                            description = "Which due dates",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"overdue", "today", "week"}))
                    @QueryParam("due")
                    String due,
            @BeanParam PageQuery paging) {
        int size = paging.size();
        UUID after = paging.after();
        return list(service.openOf(caller.name(), window(due), after, size));
    }

    @POST
    @Path("/{id}/completion")
    // No body: completing says everything.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "completeFollowUp",
            summary = "Mark a follow-up done",
            description =
                    "Idempotent: a done follow-up stays done with its first completion time. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", description = "No such follow-up")
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (GDPR Art. 18)")
    public FollowUpView complete(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return FollowUpView.of(service.complete(RequestParameters.uuid("id", id)));
    }

    @DELETE
    @Path("/{id}/completion")
    @RolesAllowed({Roles.SALES, Roles.SERVICE})
    @Operation(
            operationId = "reopenFollowUp",
            summary = "Reopen a follow-up",
            description = "Takes the completion back; idempotent. Roles: sales, service.")
    @APIResponse(
            responseCode = "200",
            description = "Open again",
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", description = "No such follow-up")
    @APIResponse(responseCode = "409", description = "Processing of the subject is restricted (GDPR Art. 18)")
    public FollowUpView reopen(@Parameter(example = ID_EXAMPLE) @PathParam("id") String id) {
        return FollowUpView.of(service.reopen(RequestParameters.uuid("id", id)));
    }

    private static FollowUpList list(FollowUpPage page) {
        return new FollowUpList(page.followUps().stream().map(FollowUpView::of).toList(), PageQuery.next(page.next()));
    }

    private static DueWindow window(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return DueWindow.valueOf(due.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("due", "must be overdue, today or week");
        }
    }
}
