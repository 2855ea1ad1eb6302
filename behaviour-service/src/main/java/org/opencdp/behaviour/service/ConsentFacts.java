package org.opencdp.behaviour.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.outbox.Inbox;
import org.opencdp.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Applies consent-service's {@code consent.revoked} (libs/events {@link ConsentRevoked}). Personalisation is decided
 * by consent-service on every recommendation request and no personal list is kept here, so a revocation is in
 * effect before this event even arrives; the event is checked, remembered once (inbox) and logged by subject id, so
 * that a change here that does keep personal lists has its hook.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ConsentRevoked.class, ConsentRevoked.Revoked.class})
public class ConsentFacts {

    private static final Logger LOG = Logger.getLogger(ConsentFacts.class);

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    /** Whether the event was new and understood. */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!ConsentRevoked.TYPE.equals(event.type())) {
            inbox.firstDelivery(event.id());
            LOG.infof("Ignoring event %s of unknown type %s", event.id(), event.type());
            return false;
        }
        ConsentRevoked revoked = payload(event);
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        if ("SUBJECT".equals(revoked.holderType())) {
            LOG.infof(
                    "Consent revoked for subject %s (%s); personal recommendations stop with the next request",
                    parse(revoked.holderId()), revoked.purposes());
        }
        return true;
    }

    private ConsentRevoked payload(EventEnvelope event) {
        if (event.version() != ConsentRevoked.VERSION) {
            throw ProblemException.unprocessable("Event " + event.id() + ": " + event.type() + " version "
                    + event.version() + " cannot be read here, only version " + ConsentRevoked.VERSION + ".");
        }
        ConsentRevoked revoked = null;
        if (event.payload() != null && event.payload().isObject()) {
            try {
                revoked = json.treeToValue(event.payload(), ConsentRevoked.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                revoked = null;
            }
        }
        if (revoked == null
                || revoked.holderType() == null
                || revoked.holderId() == null
                || revoked.purposes() == null) {
            throw ProblemException.invalidField(
                    "payload", "must be a consent.revoked object with holderType, holderId and purposes");
        }
        return revoked;
    }

    private static UUID parse(String subjectId) {
        try {
            return UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("payload.holderId", "must be a subject id (UUID)");
        }
    }
}
