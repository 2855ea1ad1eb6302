package org.opencdp.tracking.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.tracking.repository.SubjectActivityRepository;

/**
 * Which subjects were active on the websites since a moment, for profile-service's retention of inactive profiles:
 * any event of an identified subject counts (its own or a linked visitor's; events exist only where consent allowed
 * them). Ids and times only; nothing is logged about the subjects and nothing is recorded per subject (the caller is
 * the purge).
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
