package org.opencdp.profile.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;
import org.opencdp.subjectrights.SubjectRightsService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The retention category {@code inactive-customer-profile}. A customer is inactive when nobody changed its profile
 * since the cutoff: {@code updated_at} is set at creation and by every change, and it is the only sign of activity
 * profile-service holds (orders, logins and contacts live elsewhere or nowhere yet; see the README). An expired
 * profile is erased through the subject-rights erasure, one customer per transaction: its key is destroyed, legal
 * holds are respected, and the {@code customer.deleted} event tells the other services.
 *
 * <p>Erasing is off unless {@code opencdp.profile.retention.erase-inactive-profiles} is on: a customer who keeps
 * ordering without changing the profile looks inactive here (orders live in behaviour-service), so by default the
 * purge only reports how many profiles the policy would erase ({@code expired}) and erases none.
 */
@ApplicationScoped
public class InactiveProfileRetention implements RetentionCategory {

    static final String NAME = "inactive-customer-profile";
    private static final int PAGE = 1_000;
    // The smallest id in PostgreSQL's byte order (Java compares UUIDs as signed numbers, the database does not).
    private static final UUID FIRST = new UUID(0L, 0L);

    @Inject
    CustomerRepository customers;

    @Inject
    SubjectRightsService rights;

    @ConfigProperty(name = "opencdp.profile.retention.erase-inactive-profiles")
    boolean eraseInactiveProfiles;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> customers.countUnchangedBefore(cutoff.before()));
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        if (!eraseInactiveProfiles) {
            return 0;
        }
        long erased = 0;
        UUID after = FIRST;
        List<UUID> page;
        do {
            UUID from = after;
            page = QuarkusTransaction.requiringNew()
                    .call(() -> customers.idsUnchangedBefore(cutoff.before(), from, PAGE));
            for (UUID id : page) {
                rights.eraseExpired(id, NAME);
                erased++;
                after = id;
            }
        } while (page.size() == PAGE);
        return erased;
    }
}
