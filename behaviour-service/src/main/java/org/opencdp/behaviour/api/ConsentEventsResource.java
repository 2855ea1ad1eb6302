package org.opencdp.behaviour.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.behaviour.service.ConsentFacts;
import org.opencdp.caller.Roles;
import org.opencdp.outbox.EventEnvelope;

/** Receives consent-service's outbox events. Only consent-service's account may deliver them. */
@Path("/api/v1/events/consent")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Facts delivered by other services (service accounts only)")
public class ConsentEventsResource {

    @Inject
    ConsentFacts facts;

    @POST
    @RolesAllowed(Roles.SVC_CONSENT)
    @Operation(
            operationId = "deliverConsentEvents",
            summary = "Deliver consent-service events",
            description = "consent.revoked: personal recommendations stop (they are decided by consent-service on "
                    + "every request, so the revocation is in effect at once). Idempotent per event id; a version "
                    + "this service cannot read is refused (422) so that consent-service keeps it.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "a revocation", value = """
            [{"id":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e70","type":"consent.revoked","version":1,
              "subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","occurredAt":"2026-11-25T10:15:30Z",
              "payload":{"holderType":"SUBJECT","holderId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
              "purposes":["personalisation"],"revocations":[],"revokedAt":"2026-11-25T10:15:30Z"}}]""")))
    @APIResponse(
            responseCode = "200",
            description = "All events were taken",
            content = @Content(schema = @Schema(implementation = ProfileEventsResource.Receipt.class)))
    @APIResponse(responseCode = "422", description = "An event version this service cannot read; nothing was applied")
    @Transactional
    public ProfileEventsResource.Receipt deliver(
            @NotNull @Size(max = 1000) List<@NotNull @Valid EventEnvelope> events) {
        int applied = 0;
        for (EventEnvelope event : events) {
            if (facts.apply(event)) {
                applied++;
            }
        }
        return new ProfileEventsResource.Receipt(events.size(), applied);
    }
}
