package org.opencdp.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.consent.service.VisitorLinks;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;

/** Linking a website visitor to the customer it turned out to be. */
@Path("/api/v1/visitors/{visitorId}/subject")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Visitors", description = "Website visitors who become known customers")
public class VisitorResource {

    @Inject
    VisitorLinks links;

    @Inject
    Recorders recorders;

    @POST
    @RolesAllowed({Roles.SVC_PROFILE, Roles.SVC_TRACKING, Roles.SVC_SHOP, Roles.SALES})
    @Operation(
            operationId = "linkVisitor",
            summary = "Link a visitor to a subject",
            description = "Records that the visitor is this subject. The visitor's consents (granted or withdrawn) are "
                    + "carried over as entries of the subject that point to the visitor's (`linkedFrom`), so the "
                    + "original proof is kept; a newer decision of the subject itself wins, and a pending double "
                    + "opt-in stays with the visitor. A visitor belongs to one subject: linking it to another is a "
                    + "409; linking it again to the same is a 200 that changes nothing. Roles: svc-profile, "
                    + "svc-tracking, svc-shop, sales.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = VisitorLinkInput.class),
                            examples = @ExampleObject(name = "link", value = ConsentExamples.LINK_INPUT)))
    @APIResponse(responseCode = "201", description = "Linked")
    @APIResponse(responseCode = "200", description = "They were linked before; nothing changed")
    @APIResponse(
            responseCode = "409",
            description = "The visitor is linked to another subject, or one of them was erased")
    public Response link(
            @Parameter(example = ConsentExamples.VISITOR) @PathParam("visitorId") String visitorId,
            @Valid VisitorLinkInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        VisitorLinkView link = VisitorLinkView.of(links.link(
                Holders.visitor("visitorId", visitorId),
                RequestParameters.uuid("subjectId", input.subjectId()),
                recorders.current()));
        return Response.status(link.linked() ? Response.Status.CREATED : Response.Status.OK)
                .entity(link)
                .build();
    }
}
