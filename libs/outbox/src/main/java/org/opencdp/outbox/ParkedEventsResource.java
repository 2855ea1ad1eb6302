package org.opencdp.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.problem.ProblemException;
import org.opencdp.requestparameters.RequestParameters;

/** The operator's handle on events a subscriber refused repeatedly (parked): see them, replay them. */
@Path("/api/v1/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox", description = "Events this service publishes that a subscriber refused repeatedly")
public class ParkedEventsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    ParkedDeliveries parked;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listParkedEvents",
            summary = "List parked events",
            description = "Events a subscriber refused (HTTP 4xx) so often that the relay stopped trying them. Later "
                    + "events of the same subject wait behind a parked one. Oldest first, paged with `after` (the "
                    + "last eventId of the previous page). No payloads: they may hold personal data. Roles: admin.")
    @APIResponse(
            responseCode = "200",
            description = "Parked events, one per event and subscriber",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEvent.class),
                            examples = @ExampleObject(name = "one parked event", value = PARKED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "after is not an event id, or limit is not 1 to 200")
    public List<ParkedEvent> list(
            @Parameter(
                            description = "The last eventId of the previous page; absent for the first page",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "Page size, 1 to " + MAX_LIMIT + "; default " + DEFAULT_LIMIT,
                            example = "50",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT))
                    @QueryParam("limit")
                    String limit) {
        UUID cursor = after == null || after.isBlank() ? null : RequestParameters.uuid("after", after);
        return parked.list(cursor, RequestParameters.pageSize("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    @POST
    @Path("/{eventId}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "replayParkedEvent",
            summary = "Replay a parked event",
            description = "Makes the event due again for every subscriber that parked it, with its rejections "
                    + "counted from zero: the relay sends it in its next round, and the waiting events of its "
                    + "subject follow once it is accepted. Replay after fixing the receiver. Roles: admin.")
    @APIResponse(responseCode = "204", description = "Due again")
    @APIResponse(responseCode = "404", description = "No parked delivery of this event")
    public Response replay(
            @Parameter(
                            description = "The parked event's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"),
                            example = "01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f")
                    @PathParam("eventId")
                    String eventId) {
        UUID id = RequestParameters.uuid("eventId", eventId);
        if (parked.replay(id) == 0) {
            throw ProblemException.notFound("No delivery of event " + id + " is parked.");
        }
        return Response.noContent().build();
    }

    static final String PARKED_EXAMPLE = """
            [{"eventId":"01936f3e-8d2a-7b4c-9e1f-2a3b4c5d6e7f","subscriber":"behaviour","type":"profile.changed",
              "version":1,"subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c","occurredAt":"2026-11-25T10:15:30Z",
              "attempts":5,"lastError":"HTTP 422","parkedAt":"2026-11-25T10:16:02Z"}]""";
}
