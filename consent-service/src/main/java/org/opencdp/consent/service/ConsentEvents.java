package org.opencdp.consent.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.Revocation;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.outbox.Outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The facts consent-service tells other services through the transactional outbox. */
@ApplicationScoped
@RegisterForReflection(targets = {ConsentRevoked.class, ConsentRevoked.Revoked.class})
public class ConsentEvents {

    @Inject
    Outbox outbox;

    /** One event for the purposes a call revoked; nothing when it changed nothing. */
    public void revoked(Holder holder, List<Revocation> revocations, Instant at) {
        List<Revocation> changed =
                revocations.stream().filter(Revocation::changed).toList();
        if (changed.isEmpty()) {
            return;
        }
        outbox.publish(
                ConsentRevoked.TYPE,
                ConsentRevoked.VERSION,
                holder.id(),
                new ConsentRevoked(
                        holder.type().name(),
                        holder.externalId(),
                        changed.stream().map(Revocation::purposeId).toList(),
                        changed.stream()
                                .map(r -> new ConsentRevoked.Revoked(r.purposeId(), r.entryId(), r.revokedEntryId()))
                                .toList(),
                        at.toString()));
    }
}
