package org.opencdp.profile.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.profile.service.CallJournal;
import org.opencdp.webhookauth.IntegrationInPath;
import org.opencdp.webhookauth.IntegrationKind;
import org.opencdp.webhookauth.RequestIntegration;
import org.opencdp.webhookauth.WebhookDoor;

/** The generic call webhook: any telephone system that can sign with HMAC reports its calls in OpenCDP's format. */
@Path("/api/v1/webhooks/generic/{integration}/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Call events", description = "Calls reported by telephone systems, recorded on the timeline")
@SecurityScheme(
        securitySchemeName = CallWebhookResource.GENERIC_HMAC,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-OpenCDP-Signature",
        description = "v1=<hex HMAC-SHA256(secret, X-OpenCDP-Timestamp + \".\" + raw body)> with a GENERIC_HMAC "
                + "integration's secret, and X-OpenCDP-Timestamp within 5 minutes (docs/integrations.md)")
public class CallWebhookResource {

    static final String GENERIC_HMAC = "generic-hmac";

    static final String PURPOSE = "POST /api/v1/webhooks/generic/{integration}/calls";

    @Inject
    CallJournal journal;

    @Inject
    RequestIntegration integration;

    @POST
    @WebhookDoor(IntegrationKind.GENERIC_HMAC)
    // Public on purpose: a telephone system has no token; the door checks the HMAC signature over the raw body.
    @PermitAll
    @SecurityRequirement(name = GENERIC_HMAC)
    @Operation(
            operationId = "receiveGenericCallEvent",
            summary = "Report an event of a call (generic format)",
            description = "Signed by a GENERIC_HMAC integration (X-OpenCDP-Timestamp, X-OpenCDP-Signature: "
                    + "docs/integrations.md). The first event of a call that matches one customer by the external "
                    + "party's number (from for in, to for out) creates a CALL entry on the timeline; later events of "
                    + "the same callId complete it (answer, duration, agent, summary) until ended or missed, after "
                    + "which it is final. The same event twice changes nothing. A number several customers share "
                    + "is recorded on none (AMBIGUOUS), an unknown or withheld one not at all (UNKNOWN): nothing is "
                    + "stored then.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = GenericCallEventInput.class),
                            examples = {
                                @ExampleObject(name = "a call rings", value = CallExamples.GENERIC_STARTED),
                                @ExampleObject(name = "the call ended", value = CallExamples.GENERIC_ENDED),
                                @ExampleObject(name = "a missed call", value = CallExamples.GENERIC_MISSED)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Accepted: recorded, completed, unchanged, or not matched (nothing stored)",
            content =
                    @Content(
                            schema = @Schema(implementation = CallEventAnswer.class),
                            examples = {
                                @ExampleObject(name = "recorded", value = CallExamples.ANSWER_CREATED),
                                @ExampleObject(name = "shared number", value = CallExamples.ANSWER_AMBIGUOUS),
                                @ExampleObject(name = "unknown number", value = CallExamples.ANSWER_UNKNOWN)
                            }))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, unknown or invalid fields, a time in the future; nothing was stored")
    @APIResponse(responseCode = "401", description = "Unknown integration, bad signature, stale timestamp or replay")
    public CallEventAnswer receive(@BeanParam IntegrationInPath path, @Valid GenericCallEventInput input) {
        RequestBodies.required(input);
        return CallEventAnswer.of(
                input.callId().strip(), journal.receive(input.toDomain(), integration.actor(), PURPOSE));
    }
}
