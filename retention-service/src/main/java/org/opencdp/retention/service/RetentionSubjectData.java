package org.opencdp.retention.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.retention.repository.RequestRepository;
import org.opencdp.retention.repository.TaskRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.SubjectCategory;
import org.opencdp.subjectrights.SubjectDataHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * retention-service's part of the subject-rights contract. The copies of a subject's data it gathers for an access
 * or portability request are personal data and go with an erasure. The requests themselves (type, dates, who checked
 * the identity, by which method) are the proof that the subject's rights were honoured (Art. 5(2), 12): like the
 * audit trail they hold the subject id only and are kept.
 */
@ApplicationScoped
public class RetentionSubjectData implements SubjectDataHandler {

    static final String REQUEST_EXPORTS = "request-exports";
    static final String RECTIFICATIONS = "request-rectifications";

    @Inject
    TaskRepository tasks;

    @Inject
    RequestRepository requests;

    @Inject
    ObjectMapper json;

    @Override
    public List<DataCategory> categories() {
        List<SubjectCategory> everyone = List.of(
                SubjectCategory.CUSTOMERS,
                SubjectCategory.CONTACT_PERSONS,
                SubjectCategory.LEADS,
                SubjectCategory.WEBSITE_VISITORS);
        // Neither has a period of its own: both go with the request or the subject's erasure (the retention text).
        return List.of(
                new DataCategory(
                        REQUEST_EXPORTS,
                        "Copies of every service's export gathered for the subject's access and portability "
                                + "requests, until the dpo delivers them",
                        "GDPR Art. 6(1)(c) with Art. 15, 20 (answering the subject's request)",
                        "until the subject's erasure; review with legal counsel how long after delivery",
                        List.of("data-subject-requests"),
                        everyone,
                        null),
                new DataCategory(
                        RECTIFICATIONS,
                        "The corrected fields of the subject's rectification requests (Art. 16) until every service "
                                + "applied them",
                        "GDPR Art. 6(1)(c) with Art. 16 (answering the subject's request)",
                        "until the request completes, or the subject's erasure",
                        List.of("data-subject-requests"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        null));
    }

    @Override
    public List<CategoryExport> export(UUID subjectId) {
        var held = tasks.exportsHeldFor(subjectId);
        // Which exports are kept, not their content: an access request would otherwise nest every earlier one.
        var rectifications = requests.rectificationsOf(subjectId).stream()
                .map(r -> json.createObjectNode()
                        .put("requestId", r.get("requestId"))
                        .set("patch", readTree(r.get("patch"))))
                .toList();
        return List.of(
                new CategoryExport(REQUEST_EXPORTS, held.size(), json.valueToTree(held)),
                new CategoryExport(RECTIFICATIONS, rectifications.size(), json.valueToTree(rectifications)));
    }

    @Override
    public List<CategoryOutcome> erase(UUID subjectId) {
        return List.of(
                CategoryOutcome.erased(REQUEST_EXPORTS, tasks.dropExportsOf(subjectId)),
                CategoryOutcome.erased(RECTIFICATIONS, requests.dropRectificationsOf(subjectId)));
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rectification is unreadable", e);
        }
    }
}
