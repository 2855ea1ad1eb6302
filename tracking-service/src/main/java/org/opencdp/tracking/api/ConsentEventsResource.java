package org.opencdp.tracking.api;

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
import org.opencdp.caller.Roles;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.tracking.service.ConsentRevocations;

/** Receives consent-service's outbox events. Only consent-service's account may deliver them. */
@Path("/api/v1/events/consent")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Web events from servers, and facts delivered by other services")
public class ConsentEventsResource {

    @Inject
    ConsentRevocations revocations;

    public record Receipt(
            @Schema(examples = "1") int received,

            @Schema(description = "Web events deleted because their consent was revoked", examples = "42")
            int deleted) {}

    @POST
    @RolesAllowed(Roles.SVC_CONSENT)
    @Operation(
            operationId = "deliverConsentEvents",
            summary = "Deliver consent-service events",
            description = "consent.revoked: the holder's remembered decision is dropped at once, and every event "
                    + "collected under the revoked ledger entries is deleted. Idempotent per event id. A version this "
                    + "service cannot read is refused (422), so that consent-service keeps it. Roles: svc-consent.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "revocation", value = """
            [{"id":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f","type":"consent.revoked","version":1,
              "occurredAt":"2026-11-26T14:10:00Z",
              "payload":{"holderType":"VISITOR","holderId":"3f9c0a6e1b2d4c5e8f7a6b5c4d3e2f10",
                "purposes":["web-analytics"],
                "revocations":[{"purpose":"web-analytics","entryId":"019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f",
                                "revokedEntryId":"019ac19f-1a2b-7c3d-8e4f-5a6b7c8d9e0f"}],
                "revokedAt":"2026-11-26T14:10:00.123456Z"}}]""")))
    @APIResponse(
            responseCode = "200",
            description = "All events were taken",
            content =
                    @Content(
                            schema = @Schema(implementation = Receipt.class),
                            examples =
                                    @ExampleObject(name = "one revocation", value = "{\"received\":1,\"deleted\":42}")))
    @APIResponse(responseCode = "422", description = "An event version this service cannot read; nothing was applied")
    // One transaction for the delivery: applied whole or not at all (and then redelivered whole).
    @Transactional
    public Receipt deliver(@NotNull @Size(max = 1000) List<@NotNull @Valid EventEnvelope> events) {
        int deleted = 0;
        for (EventEnvelope event : events) {
            deleted += revocations.apply(event);
        }
        return new Receipt(events.size(), deleted);
    }
}
