package org.opencdp.webhookauth;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencdp.testsupport.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The test application's endpoints behind the door, one per kind. Each stores a receipt of what it was given, so
 * that a test can show that a refused request stored nothing.
 */
@Path("/api/v1/webhooks")
// Public on purpose: integrations have no token; the door checks their signature or credentials.
@PermitAll
public class TestWebhookEndpoints {

    @Inject
    RequestIntegration requestIntegration;

    @POST
    @Path("/generic/{integration}/calls")
    @WebhookDoor(IntegrationKind.GENERIC_HMAC)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testGenericWebhook")
    public Map<String, String> generic(JsonNode call) {
        return Map.of("receipt", store(call.path("callId").asText()));
    }

    @POST
    @Path("/zammad/{integration}")
    @WebhookDoor(IntegrationKind.ZAMMAD)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testZammadWebhook")
    public Map<String, String> zammad(JsonNode delivery) {
        return Map.of("receipt", store(delivery.path("ticket").path("number").asText()));
    }

    @POST
    @Path("/sipgate/{integration}")
    @WebhookDoor(IntegrationKind.SIPGATE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "testSipgateWebhook")
    public String sipgate(MultivaluedMap<String, String> push) {
        store(push.getFirst("event") + " " + push.getFirst("callId") + " " + push.get("user[]"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }

    @GET
    @Path("/3cx/lookup")
    @WebhookDoor(IntegrationKind.THREECX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testThreeCxLookup")
    public Map<String, String> lookup() {
        return Map.of("integration", requestIntegration.integration().name());
    }

    private String store(String payload) {
        UUID id = UUID.randomUUID();
        TestDatabase.execute(
                "INSERT INTO test_webhook_receipt (id, integration, payload) VALUES (?, ?, ?)",
                id,
                requestIntegration.integration().name(),
                payload);
        return id.toString();
    }
}
