package org.opencdp.behaviour.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.behaviour.domain.CustomerAttributes;
import org.opencdp.behaviour.domain.DeletedCustomer;
import org.opencdp.behaviour.repository.CustomerAttributesRepository;
import org.opencdp.behaviour.repository.DeletedCustomerRepository;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.outbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies profile-service's facts to the customer attributes behaviour-service segments on. Delivery is at least
 * once and not strictly ordered, so each event is applied once (inbox) and never over a newer state.
 */
@ApplicationScoped
public class ProfileFacts {

    private static final Logger LOG = Logger.getLogger(ProfileFacts.class);

    @Inject
    Inbox inbox;

    @Inject
    CustomerAttributesRepository attributes;

    @Inject
    DeletedCustomerRepository deleted;

    /** Returns whether the event changed anything (false for a duplicate, a stale or an unknown event). */
    @Transactional
    public boolean apply(EventEnvelope event) {
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        return switch (event.type()) {
            case "profile.changed" -> changed(event.subjectId(), event.occurredAt(), event.payload());
            case "customer.deleted" -> deleted(event.subjectId(), event.occurredAt());
            default -> {
                LOG.infof("Ignoring event %s of unknown type %s", event.id(), event.type());
                yield false;
            }
        };
    }

    private boolean changed(UUID subjectId, Instant at, JsonNode payload) {
        DeletedCustomer tombstone = deleted.findById(subjectId);
        if (tombstone != null && !at.isAfter(tombstone.deletedAt)) {
            return false;
        }
        CustomerAttributes current = attributes.findById(subjectId);
        if (current != null && current.asOf.isAfter(at)) {
            return false;
        }
        CustomerAttributes next = current != null ? current : new CustomerAttributes();
        next.subjectId = subjectId;
        next.kind = text(payload, "kind");
        next.ageBand = text(payload, "ageBand");
        next.country = text(payload, "country");
        next.postcodeRegion = text(payload, "postcodeRegion");
        next.language = text(payload, "language");
        next.industryCode = text(payload, "industryCode");
        next.companySize = text(payload, "companySize");
        next.asOf = at;
        if (current == null) {
            attributes.persist(next);
        }
        return true;
    }

    private boolean deleted(UUID subjectId, Instant at) {
        attributes.deleteById(subjectId);
        DeletedCustomer tombstone = deleted.findById(subjectId);
        if (tombstone == null) {
            tombstone = new DeletedCustomer();
            tombstone.subjectId = subjectId;
            tombstone.deletedAt = at;
            deleted.persist(tombstone);
        } else if (at.isAfter(tombstone.deletedAt)) {
            tombstone.deletedAt = at;
        }
        return true;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
