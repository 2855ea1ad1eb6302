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
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.profile.service.Tickets;
import org.opencdp.webhookauth.IntegrationInPath;
import org.opencdp.webhookauth.IntegrationKind;
import org.opencdp.webhookauth.RequestIntegration;
import org.opencdp.webhookauth.WebhookDoor;
import org.opencdp.webhookauth.WebhookHeaders;

/**
 * Tickets from ticket systems, behind the webhook doors of libs/webhook-auth (docs/integrations.md). Thin: maps the
 * vendor's format to a delivery and hands it to {@link Tickets} under the admitted integration's name.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Ticket webhooks",
        description = "Tickets and their messages from ticket systems, signed instead of a token: matched to the"
                + " customer by e-mail, then phone; unmatched ones wait in the ticket inbox")
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = TicketWebhookResource.ZAMMAD_SIGNATURE,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = WebhookHeaders.HUB_SIGNATURE,
            description = "sha1=HMAC-SHA1(the integration's token, raw body), as Zammad signs; docs/integrations.md")
})
public class TicketWebhookResource {

    // The generic door has one security scheme in the OpenAPI document, declared with the call webhook.
    static final String GENERIC_HMAC = CallWebhookResource.GENERIC_HMAC;
    static final String ZAMMAD_SIGNATURE = "zammad-signature";

    static final String GENERIC = "POST /api/v1/webhooks/generic/{integration}/tickets";
    static final String ZAMMAD = "POST /api/v1/webhooks/zammad/{integration}/tickets";

    private static final String MATCHING = " The ticket goes to the one customer with the contact's e-mail address,"
            + " else the one with its phone number; none or several (never a guess), or a restricted customer: it"
            + " waits in the ticket inbox. Its state counts toward the caller card's openTickets; each message is"
            + " an entry of channel TICKET on the customer's timeline (direction from the sender, an internal note"
            + " INTERNAL), once per message id, with a summary of subject and first line (300 characters; the"
            + " rest of the body is not kept). A title or summary that looks like a card number or IBAN is"
            + " replaced by a note.";

    @Inject
    Tickets tickets;

    @Inject
    RequestIntegration caller;

    @POST
    @Path("/generic/{integration}/tickets")
    @WebhookDoor(IntegrationKind.GENERIC_HMAC)
    // Public on purpose: ticket systems have no token; the door checks the HMAC over timestamp and raw body.
    @PermitAll
    @SecurityRequirement(name = GENERIC_HMAC)
    @Operation(
            operationId = "receiveGenericTicket",
            summary = "Receive a ticket in the generic format",
            description = "Signed with the integration's secret (GENERIC_HMAC): X-OpenCDP-Timestamp and"
                    + " X-OpenCDP-Signature v1=HMAC-SHA256(secret, timestamp + \".\" + raw body), within 5 minutes;"
                    + " a bad signature or a replay is a 401 and nothing is stored." + MATCHING)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = GenericTicketInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "a customer's message",
                                            value = TicketExamples.GENERIC_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Received (also when the message was recorded before)",
            content =
                    @Content(
                            schema = @Schema(implementation = TicketReceiptView.class),
                            examples = @ExampleObject(name = "matched", value = TicketExamples.RECEIPT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields; nothing was stored")
    @APIResponse(
            responseCode = "409",
            description = "The ticket's customer is restricted (GDPR Art. 18): its messages are not recorded")
    public TicketReceiptView generic(@BeanParam IntegrationInPath path, @Valid GenericTicketInput input) {
        RequestBodies.required(input);
        return TicketReceiptView.of(tickets.receive(input.toDomain(), caller.actor(), GENERIC));
    }

    @POST
    @Path("/zammad/{integration}/tickets")
    @WebhookDoor(IntegrationKind.ZAMMAD)
    // Public on purpose: Zammad has no token; the door checks X-Hub-Signature over the raw body.
    @PermitAll
    @SecurityRequirement(name = ZAMMAD_SIGNATURE)
    @Operation(
            operationId = "receiveZammadTicket",
            summary = "Receive a Zammad webhook",
            description = "Zammad's default payload ({\"ticket\": ..., \"article\": ...}), signed with the"
                    + " integration's token (ZAMMAD): X-Hub-Signature sha1=HMAC-SHA1(token, raw body); a bad"
                    + " signature is a 401 and nothing is stored. X-Zammad-Delivery is required: a delivery answered"
                    + " before gets that answer again and nothing happens. Zammad's states map to OPEN (new, open,"
                    + " any state of the deployment's own), PENDING (pending reminder, pending close) and CLOSED"
                    + " (closed, merged, removed)." + MATCHING)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ZammadDelivery.class),
                            examples =
                                    @ExampleObject(name = "a customer's e-mail", value = TicketExamples.ZAMMAD_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Received (a repeated delivery: the first answer, with X-OpenCDP-Repeated-Delivery: true)",
            content =
                    @Content(
                            schema = @Schema(implementation = TicketReceiptView.class),
                            examples = @ExampleObject(name = "matched", value = TicketExamples.RECEIPT)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, no ticket id or update time, or no X-Zammad-Delivery; nothing was stored")
    @APIResponse(
            responseCode = "409",
            description = "The ticket's customer is restricted (GDPR Art. 18): its articles are not recorded")
    public TicketReceiptView zammad(@BeanParam IntegrationInPath path, @Valid ZammadDelivery delivery) {
        RequestBodies.required(delivery);
        return TicketReceiptView.of(tickets.receive(delivery.toDomain(), caller.actor(), ZAMMAD));
    }
}
