package org.opencdp.profile.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.outbox.Outbox;
import org.opencdp.profile.domain.CompanySizeBand;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.PostalAddress;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The facts profile-service tells other services, through the transactional outbox. They carry only what the
 * subscribers need for segments (data minimisation): bands and regions, never names or contact data.
 */
@ApplicationScoped
public class ProfileEvents {

    public static final String PROFILE_CHANGED = "profile.changed";
    public static final String CUSTOMER_DELETED = "customer.deleted";

    @Inject
    Outbox outbox;

    /** Segment-relevant attributes of a customer after a create or update. */
    @RegisterForReflection
    public record ProfileChanged(UUID subjectId, CustomerKind kind, String ageBand, String country,
            String postcodeRegion, String language, String industryCode, CompanySizeBand companySize) {
    }

    @RegisterForReflection
    public record CustomerDeleted(UUID subjectId) {
    }

    public void changed(UUID customerId, CustomerProfile profile) {
        var main = profile.mainAddress();
        outbox.publish(PROFILE_CHANGED, customerId, new ProfileChanged(customerId, profile.kind(),
                profile.ageBandOn(LocalDate.now()).orElse(null),
                main.map(PostalAddress::country).orElse(null),
                main.map(PostalAddress::postcodeRegion).orElse(null),
                profile.language(), profile.industryCode(), profile.companySize()));
    }

    public void deleted(UUID customerId) {
        outbox.publish(CUSTOMER_DELETED, customerId, new CustomerDeleted(customerId));
    }
}
