package org.opencdp.tracking.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.tracking.service.VisitorLinks;

/** Links website visitors to the subject they were identified as. */
@Path("/api/v1/visitors/{visitorId}/subject")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Visitors", description = "Website visitors identified as subjects")
public class VisitorResource {

    @Inject
    VisitorLinks links;

    public record SubjectLink(
            @NotNull @Schema(examples = "7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c")
            UUID subjectId) {}

    @POST
    @RolesAllowed({Roles.SVC_PROFILE, Roles.SVC_CONSENT, Roles.SVC_SHOP})
    @Operation(
            operationId = "linkVisitorToSubject",
            summary = "Link a visitor to a subject",
            description = "When a visitor logs in or is otherwise identified, so that erasure and the 360° view find "
                    + "the visitor's events. Idempotent. Roles: svc-profile, svc-consent, svc-shop.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "link",
                                            value = "{\"subjectId\":\"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c\"}")))
    @APIResponse(responseCode = "204", description = "Linked")
    @APIResponse(responseCode = "409", description = "The visitor is linked to another subject")
    public void link(
            @Parameter(example = "3f9c0a6e1b2d4c5e8f7a6b5c4d3e2f10") @PathParam("visitorId") String visitorId,
            @Valid SubjectLink link) {
        if (link == null) {
            throw ProblemException.badRequest("A body is required.");
        }
        links.link(visitorId, link.subjectId());
    }
}
