package org.opencdp.profile.api;

import java.util.UUID;

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
import org.opencdp.caller.Caller;
import org.opencdp.caller.Roles;
import org.opencdp.problem.Problem;
import org.opencdp.profile.service.Feedback;
import org.opencdp.requestparameters.RequestParameters;

/** Satisfaction answers of a customer. Thin: parses, authorises, calls {@link Feedback}, maps. */
@Path("/api/v1/customers/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Feedback",
        description = "Customer satisfaction (CSAT) and Net Promoter Score (NPS) answers, and their reports")
public class FeedbackResource {

    static final String PURPOSE = "POST /api/v1/customers/{id}/feedback";

    @Inject
    Feedback feedback;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.SVC_INTEGRATIONS})
    @Operation(
            operationId = "recordFeedback",
            summary = "Record a customer's satisfaction answer",
            description =
                    "Exactly one of csat (1-5) and nps (0-10) per answer, with optional free text (encrypted with "
                            + "the customer's key, never in reports), its source and, if it rates a call or ticket, that "
                            + "timeline entry. The answer also appears on the customer's timeline as a FEEDBACK entry. Roles: "
                            + "sales, service, svc-integrations (survey tools, telephone systems).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = FeedbackInput.class),
                            examples = {
                                @ExampleObject(name = "NPS after a call", value = FeedbackExamples.NPS_INPUT),
                                @ExampleObject(name = "CSAT from a survey", value = FeedbackExamples.CSAT_INPUT)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedbackView.class),
                            examples = @ExampleObject(name = "NPS after a call", value = FeedbackExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "Both measures or none, a score out of range, an entry of another customer, unknown fields; "
                    + "nothing was stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "both measures", value = FeedbackExamples.BOTH_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Processing of the customer is restricted (GDPR Art. 18)")
    public Response record(
            @Parameter(example = CustomerExamples.ID) @PathParam("id") String id, @Valid FeedbackInput input) {
        UUID customerId = RequestParameters.uuid("id", id);
        RequestBodies.required(input);
        FeedbackView recorded = FeedbackView.of(feedback.record(customerId, input.toDomain(), caller.name(), PURPOSE));
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
