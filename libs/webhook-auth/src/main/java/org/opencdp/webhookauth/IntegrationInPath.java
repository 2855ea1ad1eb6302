package org.opencdp.webhookauth;

import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The path parameter {@code {integration}} of a {@link WebhookDoor} endpoint (every kind but 3CX), declared once so
 * that every door's OpenAPI document says the same: an endpoint takes it as {@code @BeanParam IntegrationInPath}. The
 * door reads the name before the endpoint runs and refuses an unknown, revoked or malformed one like a bad signature
 * (401); the endpoint learns who called from {@link RequestIntegration}, never from the path.
 */
public class IntegrationInPath {

    @PathParam(WebhookGate.INTEGRATION)
    @Parameter(
            description = "The integration's registered name (admin: /api/v1/integrations)",
            example = "berlin-office",
            schema = @Schema(type = SchemaType.STRING, pattern = Integration.NAME_PATTERN))
    String name;
}
