package org.opencdp.tracking.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.tracking.domain.WebActivity;
import org.opencdp.tracking.repository.EventRepository;
import org.opencdp.tracking.repository.VisitorLinkRepository;

/** The per-subject summary of web activity for the 360° view (its own events and its linked visitors'). */
@ApplicationScoped
public class SubjectWebActivity {

    static final int TOP_PAGES = 5;

    @Inject
    EventRepository events;

    @Inject
    VisitorLinkRepository links;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Transactional
    public WebActivity of(UUID subjectId) {
        restrictions.requireUnrestricted(subjectId);
        WebActivity activity = events.activityOf(subjectId, links.visitorsOf(subjectId), TOP_PAGES);
        audit.recordRead(subjectId, "web-activity.read", "GET /api/v1/subjects/{subjectId}/web-activity");
        return activity;
    }
}
