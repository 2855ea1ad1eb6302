package org.opencdp.webhookauth;

import jakarta.enterprise.context.RequestScoped;

/** The integration of the current {@link WebhookDoor} request, as {@link WebhookDoorFilter} admitted it. */
@RequestScoped
public class RequestIntegration {

    private Integration integration;
    private String deliveryToRecord;

    void admit(Integration integration) {
        this.integration = integration;
    }

    /** The admitted integration; only inside a {@link WebhookDoor} endpoint. */
    public Integration integration() {
        if (integration == null) {
            throw new IllegalStateException("no integration: the endpoint is not behind a @WebhookDoor");
        }
        return integration;
    }

    /** Who acts, for the audit trail: {@code integration:<name>}. */
    public String actor() {
        return "integration:" + integration().name();
    }

    void recordAnswerOf(String deliveryId) {
        this.deliveryToRecord = deliveryId;
    }

    /** The delivery id whose answer is to be kept (Zammad), or null. */
    String deliveryToRecord() {
        return deliveryToRecord;
    }
}
