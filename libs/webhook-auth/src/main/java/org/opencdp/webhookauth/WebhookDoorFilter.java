package org.opencdp.webhookauth;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The door of every {@link WebhookDoor} endpoint: reads the raw body (and puts it back for the endpoint) and lets
 * {@link WebhookGate} check it under the endpoint's kind; a refusal answers instead of the endpoint.
 */
@Provider
@WebhookDoor(IntegrationKind.GENERIC_HMAC)
@Priority(Priorities.AUTHENTICATION)
public class WebhookDoorFilter implements ContainerRequestFilter {

    @Inject
    WebhookGate gate;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        gate.check(kindOf(), request, body).ifPresent(request::abortWith);
    }

    private IntegrationKind kindOf() {
        WebhookDoor door = resource.getResourceMethod().getAnnotation(WebhookDoor.class);
        if (door == null) {
            door = resource.getResourceClass().getAnnotation(WebhookDoor.class);
        }
        return door.value();
    }
}
