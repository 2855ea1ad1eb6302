package org.opencdp.retention.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.subjectrights.ContractCapabilities;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

/**
 * Lets the dpo see, before filing a data-subject request, which services take part in the subject-rights
 * contract, whether each one answers right now, and which data categories it declares.
 */
@Path("/api/v1/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "The services a data-subject request reaches")
public class ParticipantsResource {

    @Inject
    SubjectRightsParticipants participants;

    @GET
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Operation(
            operationId = "listParticipants",
            summary = "Which services take part in data-subject requests, and whether they answer",
            description = "Calls every participating service's subject-rights contract with retention-service's own "
                    + "client-credentials token. A service that is down is reported with the reason, never as an error "
                    + "of this call.")
    @APIResponse(
            responseCode = "200",
            description = "One answer per participating service",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = ParticipantAnswer.class,
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                            examples = @ExampleObject(name = "one down", value = """
                    [{"participant":"profile","result":{"service":"profile-service","contractVersion":"1","categories":[]}},
                     {"participant":"tracking","error":"unreachable: ConnectException"}]""")))
    public List<ParticipantAnswer<ContractCapabilities>> participants() {
        return participants.capabilities();
    }
}
