package org.opencdp.webhookauth;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the answer of a Zammad delivery the endpoint handled successfully, so that a repeated delivery gets the same
 * answer from {@link WebhookDoorFilter} and nothing happens twice. A failed delivery is not kept: Zammad's retry is
 * handled anew.
 */
@Provider
@WebhookDoor(IntegrationKind.ZAMMAD)
public class DeliveryAnswers implements ContainerResponseFilter {

    /** Larger answers are kept without their body (the column's limit). */
    static final int MAX_BODY = 16384;

    @Inject
    RequestIntegration requestIntegration;

    @Inject
    WebhookGate gate;

    @Inject
    Instance<ObjectMapper> json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        String delivery = requestIntegration.deliveryToRecord();
        if (delivery == null || response.getStatus() < 200 || response.getStatus() > 299) {
            return;
        }
        byte[] body = body(response.getEntity());
        MediaType type = response.getMediaType();
        gate.recordAnswer(
                delivery,
                new IntegrationRepository.Delivery(
                        response.getStatus(),
                        type == null ? null : type.toString(),
                        body != null && body.length <= MAX_BODY ? body : null));
    }

    private byte[] body(Object entity) throws JsonProcessingException {
        return switch (entity) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> json.get().writeValueAsBytes(entity);
        };
    }
}
