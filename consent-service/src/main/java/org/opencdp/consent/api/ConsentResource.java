package org.opencdp.consent.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.service.ConsentLedger;
import org.opencdp.problem.ProblemException;

/** Recording consent and its withdrawal through authenticated channels: agents and shop backends. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Recording consent with its proof, and withdrawing it")
public class ConsentResource {

    @Inject
    ConsentLedger ledger;

    @Inject
    Recorders recorders;

    @POST
    @Path("/consents")
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.SVC_SHOP})
    @Operation(
            operationId = "recordConsent",
            summary = "Record a consent",
            description = "Records a grant for a subject or a visitor in the append-only ledger, with the proof: the "
                    + "purpose version and language shown and the `hash` of that text from the catalog (another hash "
                    + "is refused). Agents (sales, service) record channels PHONE and PAPER, shop backends (svc-shop) "
                    + "WEB_FORM and API. A double opt-in purpose (newsletter) needs `email` and stays PENDING until "
                    + "the person confirms; the address is encrypted with the holder's key. No IP address is ever "
                    + "stored. Roles: sales, service, svc-shop.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ConsentInput.class),
                            examples = @ExampleObject(name = "by phone", value = ConsentExamples.CONSENT_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(examples = @ExampleObject(name = "granted", value = ConsentExamples.RECORDED)))
    @APIResponse(responseCode = "409", description = "The holder's data was erased; nothing is recorded for it")
    @APIResponse(
            responseCode = "422",
            description = "Unknown purpose or version, a purpose that does not rest on consent, no text in that "
                    + "language, or a text hash that is not the version's")
    public Response record(@Valid ConsentInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        RecordedView recorded = RecordedView.of(ledger.record(input.toCommand(), recorders.recorder(input.channel())));
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @POST
    @Path("/revocations")
    @RolesAllowed({Roles.SALES, Roles.SERVICE, Roles.SVC_SHOP})
    @Operation(
            operationId = "revokeConsent",
            summary = "Withdraw consent",
            description = "Withdraws consent to the named purposes, or with `all: true` to every purpose granted or "
                    + "pending (\"reject all\" is one call). Withdrawing what was never granted, or is withdrawn "
                    + "already, succeeds and says `changed: false` for that purpose: the caller's wish holds either "
                    + "way. What changed is told to tracking- and behaviour-service (`consent.revoked`), and the "
                    + "very next decision says denied. Channels as for recording. Roles: sales, service, svc-shop.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RevocationInput.class),
                            examples = @ExampleObject(name = "reject all", value = ConsentExamples.REVOKE_ALL)))
    @APIResponse(
            responseCode = "200",
            description = "Per purpose, whether it changed",
            content = @Content(examples = @ExampleObject(name = "one revoked", value = ConsentExamples.REVOKED)))
    @APIResponse(
            responseCode = "422",
            description = "An unknown purpose, or one that does not rest on consent (object to it instead)")
    public RevocationsView revoke(@Valid RevocationInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a body.");
        }
        Holder holder = Holders.of(input.subjectId(), input.visitorId(), "");
        List<String> purposes = input.purposes() == null ? List.of() : input.purposes();
        if (input.all() == !purposes.isEmpty()) {
            throw ProblemException.invalidField(
                    "purposes", "name the purposes to revoke, or set all to true (not both)");
        }
        return RevocationsView.of(ledger.revoke(
                holder,
                input.all() ? null : purposes,
                input.channel(),
                input.proofReference(),
                recorders.recorder(input.channel())));
    }
}
