package org.opencdp.tracking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.problem.ProblemException;
import org.opencdp.tracking.repository.VisitorLinkRepository;

/** Links a website visitor to the subject it was identified as, so that erasure and the 360° view find its events. */
@ApplicationScoped
public class VisitorLinks {

    @Inject
    VisitorLinkRepository links;

    @Inject
    Clock clock;

    /** Idempotent; a visitor already linked to another subject is a conflict (one browser, one person). */
    @Transactional
    public void link(String visitorId, UUID subjectId) {
        if (!EventReader.ID.matcher(visitorId).matches()) {
            throw ProblemException.invalidField("visitorId", "must be 32 lowercase hex characters");
        }
        UUID linked = links.link(visitorId, subjectId, clock.instant()).orElseThrow();
        if (!linked.equals(subjectId)) {
            throw ProblemException.conflict("This visitor is linked to another subject.");
        }
    }
}
