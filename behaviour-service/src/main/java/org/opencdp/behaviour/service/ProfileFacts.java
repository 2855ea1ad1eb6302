package org.opencdp.behaviour.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.behaviour.domain.CustomerAttributes;
import org.opencdp.behaviour.repository.CustomerAttributesRepository;
import org.opencdp.behaviour.repository.DeletedCustomerRepository;
import org.opencdp.events.profile.CustomerDeleted;
import org.opencdp.events.profile.ProfileChanged;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.outbox.Inbox;
import org.opencdp.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Applies profile-service's facts to the customer attributes behaviour-service segments on. The payloads are read
 * as the contract records of {@code libs/events}. Delivery is at least once and not strictly ordered, so each
 * event is applied once (inbox) and never over a newer state.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ProfileChanged.class, CustomerDeleted.class})
public class ProfileFacts {

    private static final Logger LOG = Logger.getLogger(ProfileFacts.class);

    @Inject
    Inbox inbox;

    @Inject
    CustomerAttributesRepository attributes;

    @Inject
    DeletedCustomerRepository deleted;

    @Inject
    ObjectMapper json;

    /**
     * Returns whether the event changed anything (false for a duplicate, a stale or an unknown event). A version of
     * a known type this service cannot read is refused (422), so that the producer keeps the event: it parks it
     * after repeated refusals, holding back that subject's later events, until an operator replays it.
     */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        return switch (event.type()) {
            case ProfileChanged.TYPE ->
                changed(
                        event.subjectId(),
                        event.occurredAt(),
                        payload(event, ProfileChanged.VERSION, ProfileChanged.class));
            case CustomerDeleted.TYPE -> {
                payload(event, CustomerDeleted.VERSION, CustomerDeleted.class);
                yield deleted(event.subjectId(), event.occurredAt());
            }
            default -> {
                LOG.infof("Ignoring event %s of unknown type %s", event.id(), event.type());
                yield false;
            }
        };
    }

    private boolean changed(UUID subjectId, Instant at, ProfileChanged change) {
        if (deleted.deletedAt(subjectId)
                .filter(deletedAt -> !at.isAfter(deletedAt))
                .isPresent()) {
            return false;
        }
        return attributes.saveUnlessNewerStored(new CustomerAttributes(
                subjectId,
                change.kind(),
                change.ageBand(),
                change.country(),
                change.postcodeRegion(),
                change.language(),
                change.industryCode(),
                change.companySize(),
                at));
    }

    private boolean deleted(UUID subjectId, Instant at) {
        attributes.delete(subjectId);
        deleted.record(subjectId, at);
        return true;
    }

    /** The payload as the contract record of the event's type, if it is of the version this service reads. */
    private <T> T payload(EventEnvelope event, int version, Class<T> contract) {
        if (event.version() != version) {
            throw ProblemException.unprocessable("Event " + event.id() + ": " + event.type() + " version "
                    + event.version() + " cannot be read here, only version " + version + ".");
        }
        if (event.payload() == null || !event.payload().isObject()) {
            throw ProblemException.invalidField("payload", "must be a " + event.type() + " object");
        }
        try {
            return json.treeToValue(event.payload(), contract);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalidField("payload", "is not a " + event.type() + " version " + version);
        }
    }
}
