package org.opencdp.profile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.Cutoff;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.RetentionCategory;

/**
 * The retention category {@code call-records}: the timeline's calls that are not business letters expire by the time
 * of the call ({@code occurred_at}). They are never kept under a legal hold, so an erasure has deleted them already;
 * the policy decides the period.
 */
@ApplicationScoped
public class CallRecordRetention implements RetentionCategory {

    @Inject
    TimelineRepository entries;

    @Override
    public String name() {
        return RetentionCategories.CALL_RECORDS;
    }

    @Override
    public long countExpired(Cutoff cutoff) {
        return entries.countCallRecordsBefore(cutoff.before());
    }

    @Override
    public long deleteExpired(Cutoff cutoff) {
        return entries.deleteCallRecordsBefore(cutoff.before());
    }
}
