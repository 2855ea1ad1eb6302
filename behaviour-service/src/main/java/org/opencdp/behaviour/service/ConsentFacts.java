package org.opencdp.behaviour.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.outbox.Inbox;
import org.opencdp.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies consent-service's {@code consent.revoked}. Personalisation is decided by consent-service on every
 * recommendation request and no personal list is kept here, so a revocation is in effect before this event even
 * arrives; the event is checked, remembered once (inbox) and logged by subject id, so that a change here that does
 * keep personal lists has its hook. Payload (libs/events ConsentRevoked, version 1): holderType, holderId,
 * purposes, revocations, revokedAt.
 */
@ApplicationScoped
public class ConsentFacts {

    static final String CONSENT_REVOKED = "consent.revoked";
    static final int VERSION = 1;

    private static final Logger LOG = Logger.getLogger(ConsentFacts.class);

    @Inject
    Inbox inbox;

    /** Whether the event was new and understood. */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!CONSENT_REVOKED.equals(event.type())) {
            inbox.firstDelivery(event.id());
            LOG.infof("Ignoring event %s of unknown type %s", event.id(), event.type());
            return false;
        }
        if (event.version() != VERSION) {
            throw ProblemException.unprocessable("Event " + event.id() + ": " + event.type() + " version "
                    + event.version() + " cannot be read here, only version " + VERSION + ".");
        }
        JsonNode payload = event.payload();
        if (payload == null
                || !payload.path("holderType").isTextual()
                || !payload.path("holderId").isTextual()
                || !payload.path("purposes").isArray()) {
            throw ProblemException.invalidField(
                    "payload", "must be a consent.revoked object with holderType, " + "holderId and purposes");
        }
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        if ("SUBJECT".equals(payload.get("holderType").asText())) {
            LOG.infof(
                    "Consent revoked for subject %s (%s); personal recommendations stop with the next request",
                    parse(payload.get("holderId").asText()), payload.get("purposes"));
        }
        return true;
    }

    private static UUID parse(String subjectId) {
        try {
            return UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("payload.holderId", "must be a subject id (UUID)");
        }
    }
}
