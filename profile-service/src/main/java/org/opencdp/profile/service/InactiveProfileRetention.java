package org.opencdp.profile.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.profile.client.ActivityElsewhere;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;
import org.opencdp.subjectrights.SubjectActivityQuery;
import org.opencdp.subjectrights.SubjectRightsService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The retention category {@code inactive-customer-profile}: a customer expires when its last activity is before the
 * cutoff. Activity is a change of the profile, a contact on its timeline ({@link CustomerRepository#TIMELINE_CONTACT}),
 * and what the services in {@code opencdp.profile.retention.activity-services} report (orders, cart changes,
 * identified visits). The candidates are read a page at a time, without activity here, and each page is put to those
 * services; a customer none of them names has expired. When a service does not answer, the page is judged not at all:
 * its customers are reported as skipped, neither counted nor erased, and the next run judges them again. A dry run
 * judges exactly the same way and erases nothing.
 *
 * <p>An expired profile is erased through the subject-rights erasure, one customer per transaction: its key is
 * destroyed, legal holds are respected, and the {@code customer.deleted} event tells the other services. With
 * {@code opencdp.profile.retention.erase-inactive-profiles} off the purge only counts.
 */
@ApplicationScoped
public class InactiveProfileRetention implements RetentionCategory {

    static final String NAME = "inactive-customer-profile";
    private static final Logger LOG = Logger.getLogger(InactiveProfileRetention.class);
    private static final int PAGE = SubjectActivityQuery.MAX_SUBJECTS;
    // The smallest id in PostgreSQL's byte order (Java compares UUIDs as signed numbers, the database does not).
    private static final UUID FIRST = new UUID(0L, 0L);

    @Inject
    CustomerRepository customers;

    @Inject
    ActivityElsewhere elsewhere;

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
        return purge(cutoff, true).expired();
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return purge(cutoff, false).deleted();
    }

    @Override
    public Counts purge(Cutoff cutoff, boolean dryRun) {
        boolean erase = !dryRun && eraseInactiveProfiles;
        long expired = 0;
        long erased = 0;
        long skipped = 0;
        UUID after = FIRST;
        List<UUID> page;
        do {
            UUID from = after;
            page = QuarkusTransaction.requiringNew()
                    .call(() -> customers.idsWithoutActivitySince(cutoff.before(), from, PAGE));
            if (page.isEmpty()) {
                break;
            }
            after = page.getLast();
            Set<UUID> active;
            try {
                active = elsewhere.activeAmong(page, cutoff.before());
            } catch (ActivityElsewhere.ActivityUnknown e) {
                LOG.warnf("%s: %s; %d customers skipped in this run", NAME, e.getMessage(), page.size());
                skipped += page.size();
                continue;
            }
            for (UUID id : page) {
                if (active.contains(id)) {
                    continue;
                }
                expired++;
                if (erase) {
                    rights.eraseExpired(id, NAME);
                    erased++;
                }
            }
        } while (page.size() == PAGE);
        return new Counts(expired, erased, skipped);
    }
}
