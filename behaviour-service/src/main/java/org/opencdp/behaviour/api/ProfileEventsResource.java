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
import org.opencdp.behaviour.service.ProfileFacts;
import org.opencdp.caller.Roles;
import org.opencdp.outbox.EventEnvelope;

/** Receives profile-service's outbox events. Only profile-service's account may deliver them. */
@Path("/api/v1/events/profile")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Facts delivered by other services (service accounts only)")
public class ProfileEventsResource {

    @Inject
    ProfileFacts facts;

    public record Receipt(
            @Schema(examples = "2") int received,
            @Schema(examples = "1") int applied) {}

    @POST
    @RolesAllowed(Roles.SVC_PROFILE)
    @Operation(
            operationId = "deliverProfileEvents",
            summary = "Deliver profile-service events",
            description = "profile.changed carries a customer's age band, country, postcode region, language and B2B "
                    + "bands; customer.deleted removes them. Idempotent per event id, so redelivery is harmless; an "
                    + "event older than what is stored is ignored. Payloads are the contracts of libs/events; a version "
                    + "this service cannot read is refused (422): profile-service then sends that event on its own, parks "
                    + "it after repeated refusals and keeps it, with the later events of the same customer, for an "
                    + "operator's replay once this service can read it; other customers' events are not held up.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "one change", value = """
            [{"id":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f","type":"profile.changed","version":1,
              "subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","occurredAt":"2026-11-25T10:15:30Z",
              "payload":{"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","kind":"PERSON","ageBand":"35-44",
              "country":"DE","postcodeRegion":"51","language":"de","industryCode":null,"companySize":null}}]""")))
    @APIResponse(
            responseCode = "200",
            description = "All events were taken",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed batch; nothing was applied")
    @APIResponse(responseCode = "422", description = "An event version this service cannot read; nothing was applied")
    // One transaction for the batch: a batch is applied whole or not at all (and then redelivered whole), and
    // one commit per batch instead of one per event is what keeps up with profile-service's create rate.
    @Transactional
    public Receipt deliver(@NotNull @Size(max = 1000) List<@NotNull @Valid EventEnvelope> events) {
        int applied = 0;
        for (EventEnvelope event : events) {
            if (facts.apply(event)) {
                applied++;
            }
        }
        return new Receipt(events.size(), applied);
    }
}
