package org.opencdp.profile.api;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CallEvent;
import org.opencdp.profile.domain.CallEventOutcome;
import org.opencdp.profile.domain.TimelineDirection;
import org.opencdp.profile.service.CallJournal;
import org.opencdp.webhookauth.IntegrationInPath;
import org.opencdp.webhookauth.IntegrationKind;
import org.opencdp.webhookauth.RequestIntegration;
import org.opencdp.webhookauth.WebhookDoor;

/**
 * sipgate.io's push events (newCall, answer, hangup; form-encoded, RSA-signed), mapped to the call journal's events.
 * The answer to a newCall that was recorded subscribes to the call's answer and hangup at this same endpoint; calls of
 * unknown or shared numbers are not followed.
 */
@Path("/api/v1/webhooks/sipgate/{integration}/calls")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_XML)
@Tag(name = "Call events", description = "Calls reported by telephone systems, recorded on the timeline")
@SecurityScheme(
        securitySchemeName = SipgateCallResource.SIPGATE_SIGNATURE,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Sipgate-Signature",
        description = "base64 RSA-SHA256 signature of the raw body by sipgate, checked with the SIPGATE integration's "
                + "public key")
public class SipgateCallResource {

    static final String SIPGATE_SIGNATURE = "sipgate-signature";

    static final String PURPOSE = "POST /api/v1/webhooks/sipgate/{integration}/calls";
    /** sipgate writes numbers in E.164 without the "+" ("4915791234567"). */
    private static final Pattern SIPGATE_NUMBER = Pattern.compile("[1-9][0-9]{5,14}");
    /** Hangup causes of a call nobody answered (sipgate.io push API). */
    private static final Set<String> UNANSWERED = Set.of("busy", "cancel", "noAnswer", "congestion", "notFound");

    /** A newCall's fields (sent form-encoded: event=newCall&direction=in&...&user%5B%5D=Alice+Example&...). */
    static final String EXAMPLE_NEW_CALL = """
            {"event":"newCall","direction":"in","from":"49305550123","to":"4921199999999",
             "callId":"D8A1B2C3D4E5F60718293A4B5C6D7E8F","origCallId":"D8A1B2C3D4E5F60718293A4B5C6D7E8F",
             "user[]":"Alice Example","userId[]":"w0","fullUserId[]":"1234567w0"}""";

    static final String EXAMPLE_SUBSCRIBED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response"
            + " onAnswer=\"https://profile.example.com/api/v1/webhooks/sipgate/sipgate-office/calls\""
            + " onHangup=\"https://profile.example.com/api/v1/webhooks/sipgate/sipgate-office/calls\"/>";
    static final String EMPTY_RESPONSE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>";

    @Inject
    CallJournal journal;

    @Inject
    RequestIntegration integration;

    /** The URL sipgate reaches profile-service at: the onAnswer and onHangup URLs are built from it. */
    @ConfigProperty(name = "opencdp.profile.webhooks.public-url")
    String publicUrl;

    @POST
    @WebhookDoor(IntegrationKind.SIPGATE)
    // Public on purpose: sipgate has no token; the door checks X-Sipgate-Signature (RSA) over the raw body.
    @PermitAll
    @SecurityRequirement(name = SIPGATE_SIGNATURE)
    @Operation(
            operationId = "receiveSipgateCallEvent",
            summary = "Receive a sipgate.io push event (newCall, answer, hangup)",
            description = "Signed by sipgate (X-Sipgate-Signature, RSA-SHA256 over the raw body, checked with the "
                    + "SIPGATE integration's public key). Mapped to the call journal as the generic events: newCall "
                    + "is started, answer answered, hangup ended (missed when nobody answered: causes busy, cancel, "
                    + "noAnswer, congestion, notFound, or no answer before). The answer to a newCall that was recorded "
                    + "is <Response onAnswer onHangup> pointing back here, so sipgate sends the call's later events; "
                    + "otherwise an empty <Response/>. The same push twice changes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "sipgate.io's push fields: event, direction, from, to, "
                                                    + "callId, origCallId, user[], userId[], fullUserId[], xcid, "
                                                    + "diversion; answer: user, userId, answeringNumber; hangup: "
                                                    + "cause"),
                            examples = @ExampleObject(name = "newCall", value = EXAMPLE_NEW_CALL)))
    @APIResponse(
            responseCode = "200",
            description = "Accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_XML,
                            schema = @Schema(implementation = String.class),
                            examples = {
                                @ExampleObject(name = "subscribed to the call's events", value = EXAMPLE_SUBSCRIBED),
                                @ExampleObject(name = "not followed", value = EMPTY_RESPONSE)
                            }))
    @APIResponse(responseCode = "400", description = "An unknown event or a missing field; nothing was stored")
    @APIResponse(responseCode = "401", description = "Unknown integration or bad signature")
    public String receive(@BeanParam IntegrationInPath path, MultivaluedMap<String, String> form) {
        if (form == null) {
            throw ProblemException.badRequest("The request needs a form-encoded body.");
        }
        String event = required(form, "event", 20);
        CallEvent.Kind kind = switch (event) {
            case "newCall" -> CallEvent.Kind.STARTED;
            case "answer" -> CallEvent.Kind.ANSWERED;
            case "hangup" ->
                UNANSWERED.contains(optional(form, "cause")) ? CallEvent.Kind.MISSED : CallEvent.Kind.ENDED;
            default -> throw ProblemException.invalidField("event", "must be newCall, answer or hangup");
        };
        String direction = required(form, "direction", 3);
        if (!direction.equals("in") && !direction.equals("out")) {
            throw ProblemException.invalidField("direction", "must be in or out");
        }
        boolean inbound = direction.equals("in");
        String callId = required(form, "callId", 200);
        String external = number(required(form, inbound ? "from" : "to", 40));
        CallEventOutcome outcome = journal.receive(
                new CallEvent(
                        callId,
                        kind,
                        inbound ? TimelineDirection.INBOUND : TimelineDirection.OUTBOUND,
                        external,
                        agent(form, kind, inbound),
                        null,
                        null,
                        null,
                        null,
                        null),
                integration.actor(),
                PURPOSE);
        boolean follow = kind == CallEvent.Kind.STARTED && outcome.change() == CallEventOutcome.Change.CREATED;
        return follow ? subscription(integration.integration().name()) : EMPTY_RESPONSE;
    }

    /**
     * The sipgate user who answered (answer) or who calls out (newCall out) by user id: a reference, never the name. A
     * newCall in rings several users: nobody has it yet.
     */
    private static String agent(MultivaluedMap<String, String> form, CallEvent.Kind kind, boolean inbound) {
        String userId = switch (kind) {
            case ANSWERED -> optional(form, "userId");
            case STARTED -> inbound ? null : first(form.get("userId[]"));
            default -> null;
        };
        return userId == null || userId.isBlank() || userId.length() > 40 ? null : "sipgate user " + userId;
    }

    private String subscription(String name) {
        String url = xmlAttribute(publicUrl.replaceFirst("/+$", "") + "/api/v1/webhooks/sipgate/" + name + "/calls");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response onAnswer=\"" + url + "\" onHangup=\"" + url
                + "\"/>";
    }

    private static String number(String value) {
        return SIPGATE_NUMBER.matcher(value).matches() ? "+" + value : value;
    }

    private static String required(MultivaluedMap<String, String> form, String field, int maxLength) {
        String value = optional(form, field);
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw ProblemException.invalidField(field, "is required (at most " + maxLength + " characters)");
        }
        return value.strip();
    }

    private static String optional(MultivaluedMap<String, String> form, String field) {
        return first(form.get(field));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String xmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
