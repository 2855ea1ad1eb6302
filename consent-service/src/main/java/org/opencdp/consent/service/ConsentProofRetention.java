package org.opencdp.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.repository.ExpiredProofRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code consent-proofs}: the ledger entries kept as proof of consent. The period of a
 * holder's entries for one purpose starts with the last of them (with the policy's rounding: 3 years from the end
 * of that year, BGB §§195, 199), and the proof of a consent still in force is never deleted; the rule in full is on
 * {@link ExpiredProofRepository}.
 */
@ApplicationScoped
public class ConsentProofRetention implements RetentionCategory {

    static final String NAME = "consent-proofs";

    @Inject
    ExpiredProofRepository proofs;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return proofs.countBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return proofs.deleteBefore(cutoff.before());
    }
}
