package org.opencdp.subjectrights;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.audit.AuditRetention;

/**
 * The retention category {@code audit-trail}, held by every service: entries expire by the time they were recorded.
 * The audit library deletes whole months only and never an entry younger than a year (the database function's
 * guard), writing the checkpoints that keep the remaining chains verifiable; so {@code deleted} can stay below
 * {@code expired} until the expired month is whole and a year old.
 */
@ApplicationScoped
public class AuditTrailRetention implements RetentionCategory {

    public static final String NAME = "audit-trail";

    @Inject
    AuditRetention audit;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return audit.countBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        Instant deletable = audit.deletableCutoff(cutoff.before());
        return audit.deleteBefore(deletable);
    }
}
