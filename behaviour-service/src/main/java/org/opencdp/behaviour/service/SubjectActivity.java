package org.opencdp.behaviour.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.behaviour.repository.SubjectActivityRepository;

/**
 * Which customers were active here since a moment, for profile-service's retention of inactive profiles: an order
 * placed or a cart changed counts (returns and cancellations do not: they follow an order already counted). Ids and
 * times only; nothing is logged about the subjects and nothing is recorded per subject (the caller is the purge).
 */
@ApplicationScoped
public class SubjectActivity {

    @Inject
    SubjectActivityRepository activity;

    @Transactional
    public List<UUID> activeSince(List<UUID> subjectIds, Instant since) {
        return subjectIds.isEmpty() ? List.of() : activity.activeSince(subjectIds, since);
    }
}
