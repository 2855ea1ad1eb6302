package org.opencdp.profile.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.events.profile.CustomerDeleted;
import org.opencdp.events.profile.ProfileChanged;
import org.opencdp.outbox.Outbox;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.PostalAddress;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The facts profile-service tells other services, through the transactional outbox, as the contract records of
 * {@code libs/events}. They carry only what the subscribers need for segments (data minimisation): bands and
 * regions, never names or contact data.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ProfileChanged.class, CustomerDeleted.class})
public class ProfileEvents {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Segment-relevant attributes of a customer after a create or update. */
    public void changed(UUID customerId, CustomerProfile profile) {
        var main = profile.mainAddress();
        outbox.publish(
                ProfileChanged.TYPE,
                ProfileChanged.VERSION,
                customerId,
                new ProfileChanged(
                        customerId,
                        profile.kind().name(),
                        profile.ageBandOn(LocalDate.now(clock)).orElse(null),
                        main.map(PostalAddress::country).orElse(null),
                        main.map(PostalAddress::postcodeRegion).orElse(null),
                        profile.language(),
                        profile.industryCode(),
                        profile.companySize() == null
                                ? null
                                : profile.companySize().name()));
    }

    public void deleted(UUID customerId) {
        outbox.publish(CustomerDeleted.TYPE, CustomerDeleted.VERSION, customerId, new CustomerDeleted(customerId));
    }
}
