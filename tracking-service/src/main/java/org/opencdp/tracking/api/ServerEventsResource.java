package org.opencdp.tracking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencdp.caller.Roles;
import org.opencdp.tracking.service.IngestionService;

/** Web events posted by servers (a shop's backend) with their service token. */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Web events from servers, and facts delivered by other services")
public class ServerEventsResource {

    @Inject
    IngestionService ingestion;

    @POST
    @RolesAllowed(Roles.SVC_SHOP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "postServerEvents",
            summary = "Send a batch of web events from a server",
            description = "The tracker's event format plus an optional `subjectId` (a known customer): consent is "
                    + "then the subject's, otherwise the visitor's; `sessionId` may be left out. Results and limits "
                    + "as for browser batches. Roles: svc-shop.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "order confirmation", value = """
                            {"events":[{"type":"custom","subjectId":"7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c",
                              "url":"https://shop.example/checkout/done","clientTime":"2026-11-26T14:05:00Z",
                              "name":"order_placed","properties":{"items":3,"express":true}}]}""")))
    @APIResponse(
            responseCode = "200",
            description = "Every event has a result",
            content =
                    @Content(
                            schema = @Schema(implementation = CollectAnswer.class),
                            examples = @ExampleObject(name = "accepted", value = """
                            {"accepted":1,"duplicates":0,"dropped":0,"rejected":0,"results":[{"status":"accepted"}]}""")))
    @APIResponse(
            responseCode = "503",
            description = "consent-service cannot decide: nothing was stored; send again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public CollectAnswer post(@HeaderParam(HttpHeaders.USER_AGENT) String userAgent, String body) {
        return CollectAnswer.of(ingestion.collectFromServer(userAgent, body));
    }
}
