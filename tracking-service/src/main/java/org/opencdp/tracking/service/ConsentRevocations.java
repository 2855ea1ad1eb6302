package org.opencdp.tracking.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.outbox.EventEnvelope;
import org.opencdp.outbox.Inbox;
import org.opencdp.problem.ProblemException;
import org.opencdp.tracking.domain.Holder;
import org.opencdp.tracking.repository.EventRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Applies consent-service's revocations: the holder's remembered decision is dropped (its next event is decided
 * anew), the revoked ledger entries are recorded, and every event collected under them is deleted, including
 * what the gate accepted from memory after the revocation (those events carry the same entry). Once per event id
 * (inbox). The payload is the contract record of libs/events.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ConsentRevoked.class, ConsentRevoked.Revoked.class})
public class ConsentRevocations {

    private static final Logger LOG = Logger.getLogger(ConsentRevocations.class);

    @Inject
    Inbox inbox;

    @Inject
    ConsentGate gate;

    @Inject
    EventRepository events;

    @Inject
    ObjectMapper json;

    @Inject
    java.time.Clock clock;

    /** Returns how many stored events were deleted (0 for a redelivery or another event type). */
    @Transactional
    public int apply(EventEnvelope event) {
        if (!inbox.firstDelivery(event.id())) {
            return 0;
        }
        if (!ConsentRevoked.TYPE.equals(event.type())) {
            LOG.infof("Ignoring event %s of type %s", event.id(), event.type());
            return 0;
        }
        ConsentRevoked revoked = payload(event);
        Holder holder = holder(revoked);
        gate.forget(holder);
        // Every ended entry, whatever its purpose: only web-analytics entries have events here, and deleting by the
        // others finds nothing.
        List<UUID> entries = revoked.revocations() == null
                ? List.of()
                : revoked.revocations().stream()
                        .map(ConsentRevoked.Revoked::revokedEntryId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
        if (entries.isEmpty()) {
            return 0;
        }
        events.lockAgainstRevocations(true);
        events.rememberRevoked(entries, clock.instant());
        int deleted = events.deleteCollectedUnder(holder, entries);
        // After the commit nothing can be stored under these entries any more; forget again in case a batch
        // remembered the holder's decision while this transaction waited for the lock.
        gate.forget(holder);
        LOG.infof("Consent revoked (event %s): %d web events deleted", event.id(), deleted);
        return deleted;
    }

    private ConsentRevoked payload(EventEnvelope event) {
        if (event.version() != ConsentRevoked.VERSION) {
            throw ProblemException.unprocessable("Event " + event.id() + ": " + event.type() + " version "
                    + event.version() + " cannot be read here, only version " + ConsentRevoked.VERSION + ".");
        }
        if (event.payload() == null || !event.payload().isObject()) {
            throw ProblemException.invalidField("payload", "must be a consent.revoked object");
        }
        ConsentRevoked revoked;
        try {
            revoked = json.treeToValue(event.payload(), ConsentRevoked.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalidField("payload", "is not a consent.revoked version 1");
        }
        if (revoked.holderId() == null || revoked.holderType() == null) {
            throw ProblemException.invalidField("payload.holderId", "must name the holder and its type");
        }
        return revoked;
    }

    private static Holder holder(ConsentRevoked revoked) {
        return switch (revoked.holderType().toLowerCase(java.util.Locale.ROOT)) {
            case "subject" -> {
                try {
                    yield Holder.subject(UUID.fromString(revoked.holderId()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidField("payload.holderId", "must be a UUID for a subject");
                }
            }
            case "visitor" -> Holder.visitor(revoked.holderId());
            default -> throw ProblemException.invalidField("payload.holderType", "must be SUBJECT or VISITOR");
        };
    }
}
