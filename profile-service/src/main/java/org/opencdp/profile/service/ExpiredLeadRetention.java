package org.opencdp.profile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code expired-leads}: a lead not converted and untouched since before the cutoff is
 * erased by {@link LeadExpiry}. The period comes from retention-service's policy (shipped: 12 months), so the purge
 * is the only thing that expires leads.
 */
@ApplicationScoped
public class ExpiredLeadRetention implements RetentionCategory {

    @Inject
    LeadExpiry expiry;

    @Override
    public String name() {
        return RetentionCategories.EXPIRED_LEADS;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return expiry.expire(cutoff.before(), true);
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return expiry.expire(cutoff.before(), false);
    }
}
