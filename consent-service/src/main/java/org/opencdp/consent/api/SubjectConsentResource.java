package org.opencdp.consent.api;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.consent.domain.HistoryEntry;
import org.opencdp.consent.service.ConsentHistory;
import org.opencdp.consent.service.Objections;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;

/** One subject: the consent history with its proofs (dpo), and the subject's objection and its withdrawal. */
@Path("/api/v1/subjects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "A subject's consent history and objection")
public class SubjectConsentResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    @Inject
    ConsentHistory history;

    @Inject
    Objections objections;

    @Inject
    Recorders recorders;

    @GET
    @Path("/consents")
    @RolesAllowed(Roles.DPO)
    @Operation(
            operationId = "getConsentHistory",
            summary = "A subject's consent history with proofs",
            description = "Every ledger entry of the subject and of the visitors linked to it, oldest first, with its "
                    + "proof: purpose version, language and text hash, channel, time, who recorded it, the reference "
                    + "to the original, and for double opt-in the address. Kept entries of an erased subject (legal "
                    + "hold) are shown too. The read is recorded in the audit trail. Roles: dpo.",
            extensions = @Extension(name = "x-opencdp-never-404", value = "true"))
    @APIResponse(responseCode = "200", description = "One page; an unknown subject has an empty history")
    public HistoryPage get(
            @Parameter(example = ConsentExamples.SUBJECT) @PathParam("id") String id,
            @Parameter(description = "From the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") String limit) {
        int size = RequestParameters.pageSize("limit", limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<HistoryEntry> page =
                history.page(RequestParameters.uuid("id", id), RequestParameters.cursor("cursor", cursor), size + 1);
        List<HistoryEntryView> items =
                page.stream().limit(size).map(HistoryEntryView::of).toList();
        String next =
                page.size() > size ? RequestParameters.cursorOf(items.getLast().entryId()) : null;
        return new HistoryPage(items, next);
    }

    @POST
    @Path("/objection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SVC_RETENTION})
    @Operation(
            operationId = "recordObjection",
            summary = "Record a subject's objection (GDPR Art. 21)",
            description = "From now on every purpose resting on legitimate interest and every direct-marketing "
                    + "purpose is denied for the subject (reason OBJECTED), and the subject's direct-marketing "
                    + "consents are revoked now (REVOKE entries, consent.revoked to the subscribers). Objecting again "
                    + "is a success that changes nothing (200, recorded false). Roles: dpo, svc-retention.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ObjectionInput.class),
                            examples = @ExampleObject(name = "by letter", value = ConsentExamples.OBJECTION_INPUT)))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "The subject had objected before; nothing changed")
    @APIResponse(responseCode = "409", description = "The subject's data was erased")
    public Response object(
            @Parameter(example = ConsentExamples.SUBJECT) @PathParam("id") String id, @Valid ObjectionInput input) {
        UUID subjectId = RequestParameters.uuid("id", id);
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        ObjectionView objection = ObjectionView.of(
                objections.object(subjectId, input.channel(), input.proofReference(), recorders.current()));
        return Response.status(objection.recorded() ? Response.Status.CREATED : Response.Status.OK)
                .entity(objection)
                .build();
    }

    @POST
    @Path("/objection/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SVC_RETENTION})
    @Operation(
            operationId = "withdrawObjection",
            summary = "Record that a subject withdrew the objection (GDPR Art. 21)",
            description = "Appends an OBJECTION_WITHDRAWN entry pointing to the objection; the objection entry stays "
                    + "in the ledger. From now on purposes resting on legitimate interest are allowed again. The "
                    + "direct-marketing consents the objection revoked stay revoked: the person grants them anew. "
                    + "Withdrawing when no objection is in force is a success that changes nothing (200, recorded "
                    + "false). Roles: dpo, svc-retention.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ObjectionInput.class),
                            examples = @ExampleObject(name = "by letter", value = ConsentExamples.OBJECTION_INPUT)))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "No objection was in force; nothing changed")
    @APIResponse(responseCode = "409", description = "The subject's data was erased")
    public Response withdrawObjection(
            @Parameter(example = ConsentExamples.SUBJECT) @PathParam("id") String id, @Valid ObjectionInput input) {
        UUID subjectId = RequestParameters.uuid("id", id);
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        ObjectionWithdrawalView withdrawal = ObjectionWithdrawalView.of(
                objections.withdraw(subjectId, input.channel(), input.proofReference(), recorders.current()));
        return Response.status(withdrawal.recorded() ? Response.Status.CREATED : Response.Status.OK)
                .entity(withdrawal)
                .build();
    }
}
