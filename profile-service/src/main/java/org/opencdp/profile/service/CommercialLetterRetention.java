package org.opencdp.profile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code commercial-letters}: the timeline's business letters expire by the time they were
 * sent or received ({@code occurred_at}); the policy (6 years to the end of the year, HGB §257(4), (5)) rounds to the
 * end of the year through the cutoff. Letters kept under a legal hold after an erasure go with the others once their
 * period has ended; their hold ({@code retained_until}) was computed with the same rule, and LegalHoldExpiry destroys
 * the subject's key.
 */
@ApplicationScoped
public class CommercialLetterRetention implements RetentionCategory {

    @Inject
    TimelineRepository entries;

    @Override
    public String name() {
        return RetentionCategories.COMMERCIAL_LETTERS;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return entries.countBusinessLettersBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return entries.deleteBusinessLettersBefore(cutoff.before());
    }
}
