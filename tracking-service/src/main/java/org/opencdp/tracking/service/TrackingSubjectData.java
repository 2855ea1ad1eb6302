package org.opencdp.tracking.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;
import org.opencdp.tracking.repository.EventRepository;
import org.opencdp.tracking.repository.VisitorLinkRepository;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * tracking-service's part of the subject-rights contract: the web events of a subject, including those of every
 * visitor id linked to it, and the links themselves. The daily aggregates hold counts per page and day without
 * visitor or subject ids, so nothing in them belongs to one subject.
 */
@ApplicationScoped
public class TrackingSubjectData implements SubjectDataHandler {

    static final String WEB_EVENTS = "web-events";
    static final String VISITOR_LINKS = "visitor-links";

    @Inject
    EventRepository events;

    @Inject
    VisitorLinkRepository links;

    @Inject
    ObjectMapper json;

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        WEB_EVENTS,
                        "Page views, dwell time, scroll depth, clicks on marked elements and custom events on the "
                                + "company's websites, each with the consent ledger entry it was collected under; "
                                + "browser family and device class, no IP address",
                        "GDPR Art. 6(1)(a) consent (purpose web-analytics)",
                        "13 months after receipt, or until consent is revoked",
                        List.of("web-analytics"),
                        List.of(SubjectCategory.WEBSITE_VISITORS, SubjectCategory.CUSTOMERS),
                        RetentionCategories.TRACKING_RAW_EVENTS),
                new DataCategory(
                        VISITOR_LINKS,
                        "Which website visitor ids were identified as the subject",
                        "GDPR Art. 6(1)(a) consent (purpose web-analytics)",
                        "while the subject's web events are kept",
                        List.of("web-analytics"),
                        List.of(SubjectCategory.WEBSITE_VISITORS, SubjectCategory.CUSTOMERS),
                        RetentionCategories.TRACKING_RAW_EVENTS));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        List<String> visitors = links.visitorsOf(subjectId);
        List<Map<String, Object>> found = events.eventsOf(subjectId, visitors);
        return List.of(
                new CategoryExport(WEB_EVENTS, found.size(), json.valueToTree(found)),
                new CategoryExport(
                        VISITOR_LINKS,
                        visitors.size(),
                        json.valueToTree(visitors.stream()
                                .map(visitor -> Map.of("visitorId", visitor))
                                .toList())));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        List<String> visitors = links.visitorsOf(subjectId);
        int deletedEvents = events.deleteOf(subjectId, visitors);
        int deletedLinks = links.deleteOf(subjectId);
        return List.of(
                CategoryOutcome.erased(WEB_EVENTS, deletedEvents), CategoryOutcome.erased(VISITOR_LINKS, deletedLinks));
    }
}
