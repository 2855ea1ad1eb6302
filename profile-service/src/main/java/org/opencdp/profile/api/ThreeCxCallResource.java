package org.opencdp.profile.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.profile.domain.CallEvent;
import org.opencdp.profile.service.CallJournal;
import org.opencdp.webhookauth.IntegrationKind;
import org.opencdp.webhookauth.RequestIntegration;
import org.opencdp.webhookauth.WebhookDoor;

/**
 * 3CX's call journaling: the ReportCall scenario of integrations/3cx/opencdp-crm-template.xml posts each call when it
 * is over, behind the same Basic credentials as the lookup. Under /api/v1/integrations/3cx, whose literal path wins
 * over the admin endpoints' /api/v1/integrations/{name}.
 */
@Path("/api/v1/integrations/3cx/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Call events", description = "Calls reported by telephone systems, recorded on the timeline")
public class ThreeCxCallResource {

    static final String PURPOSE = "POST /api/v1/integrations/3cx/calls";

    static final String EXAMPLE = """
            {"number":"0049301234567","callType":"Inbound","callDirection":"Inbound","agent":"101",
             "agentEmail":"erika.service@example.com","duration":"00:05:12",
             "callStartTimeUtc":"2026-11-26T09:15:02Z","callEstablishedTimeUtc":"2026-11-26T09:15:09Z",
             "callEndTimeUtc":"2026-11-26T09:20:21Z"}""";

    @Inject
    CallJournal journal;

    @Inject
    RequestIntegration integration;

    @POST
    @WebhookDoor(IntegrationKind.THREECX)
    // Public on purpose: 3CX has no token; the webhook door checks the integration's Basic credentials first.
    @PermitAll
    @SecurityRequirement(name = ThreeCxLookupResource.THREECX_BASIC)
    @Operation(
            operationId = "journalCallFrom3cx",
            summary = "Record a call 3CX journals (ReportCall)",
            description = "Posted by 3CX's ReportCall scenario of integrations/3cx/opencdp-crm-template.xml after "
                    + "each call, with a THREECX integration's name and API key as Basic credentials. Matched by "
                    + "[Number] like the generic call events; Missed and Notanswered calls are recorded as missed. "
                    + "3CX sends no call id in every version: the call's id is derived from the number, the start time "
                    + "and the agent's extension, so a retry of the same post changes nothing. Of the agent only the "
                    + "e-mail address (else the extension) is kept.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ThreeCxCallInput.class),
                            examples = @ExampleObject(name = "an answered inbound call", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Accepted: recorded, unchanged (posted before), or not matched (nothing stored)",
            content =
                    @Content(
                            schema = @Schema(implementation = CallEventAnswer.class),
                            examples = @ExampleObject(name = "recorded", value = CallExamples.ANSWER_CREATED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a missing or invalid field; nothing was stored")
    @APIResponse(responseCode = "401", description = "Missing or wrong Basic credentials")
    public CallEventAnswer journal(@Valid ThreeCxCallInput input) {
        RequestBodies.required(input);
        CallEvent call = input.toDomain();
        return CallEventAnswer.of(call.callId(), journal.receive(call, integration.actor(), PURPOSE));
    }
}
