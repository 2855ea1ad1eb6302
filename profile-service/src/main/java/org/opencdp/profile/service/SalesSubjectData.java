package org.opencdp.profile.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.domain.FollowUp;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.repository.FollowUpRepository;
import org.opencdp.profile.repository.LeadRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sales data's part of profile-service's subject-rights contract ({@link ProfileSubjectData}): the lead and the
 * follow-ups of a subject. Also the erasure the lead expiry and a customer's deletion use.
 */
@ApplicationScoped
public class SalesSubjectData {

    static final String LEADS = "sales-leads";
    static final String FOLLOW_UPS = "follow-ups";

    @Inject
    LeadRepository leads;

    @Inject
    FollowUpRepository followUps;

    @Inject
    LeadCodec codec;

    @Inject
    ObjectMapper json;

    public List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        LEADS,
                        "A prospective customer in the sales pipeline: names or company name, e-mail address, phone "
                                + "number, where the contact came from, the pipeline stage and when it was last worked on; "
                                + "after conversion into a customer only the pipeline facts",
                        "GDPR Art. 6(1)(f) legitimate interest in acquiring customers; Art. 6(1)(b) pre-contractual steps",
                        "until converted into a customer; a lead untouched for 12 months (configurable) is erased "
                                + "(retention policy expired-leads); deleted on erasure",
                        List.of("sales-pipeline"),
                        List.of(SubjectCategory.LEADS),
                        RetentionCategories.EXPIRED_LEADS),
                new DataCategory(
                        FOLLOW_UPS,
                        "Reminders to contact the customer or lead again: due date, note, whether done",
                        "GDPR Art. 6(1)(b) contract and pre-contractual steps; Art. 6(1)(f) legitimate interest",
                        "while the customer relationship or the lead lasts; deleted on erasure",
                        List.of("customer-relationship", "sales-pipeline"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS, SubjectCategory.LEADS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE));
    }

    public List<CategoryExport> export(UUID subjectId) {
        List<Map<String, Object>> lead = new ArrayList<>();
        leads.find(subjectId).ifPresent(found -> lead.add(exported(found)));
        List<Map<String, Object>> reminders = new ArrayList<>();
        for (FollowUp followUp : followUps.of(subjectId)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", followUp.id);
            entry.put("dueDate", followUp.dueDate);
            entry.put("note", codec.decryptNote(followUp));
            entry.put("done", followUp.done);
            entry.put("completedAt", followUp.completedAt);
            entry.put("createdAt", followUp.createdAt);
            reminders.add(entry);
        }
        return List.of(
                new CategoryExport(LEADS, lead.size(), json.valueToTree(lead)),
                new CategoryExport(FOLLOW_UPS, reminders.size(), json.valueToTree(reminders)));
    }

    /** Deletes the subject's lead and follow-ups (the key is the caller's business). Idempotent. */
    public List<CategoryOutcome> erase(UUID subjectId) {
        long reminders = followUps.deleteOf(subjectId);
        boolean lead = leads.delete(subjectId);
        return List.of(CategoryOutcome.erased(LEADS, lead ? 1 : 0), CategoryOutcome.erased(FOLLOW_UPS, reminders));
    }

    private Map<String, Object> exported(Lead lead) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", lead.id);
        entry.put("type", lead.kind);
        entry.put("source", lead.source);
        entry.put("stage", lead.stage);
        entry.put("createdAt", lead.createdAt);
        entry.put("updatedAt", lead.updatedAt);
        entry.put("lastTouchedAt", lead.lastTouchedAt);
        entry.put("convertedAt", lead.convertedAt);
        entry.put("details", codec.decrypt(lead));
        return entry;
    }
}
