package org.opencdp.profile.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.profile.domain.StoredFeedback;
import org.opencdp.profile.repository.FeedbackRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The feedback answers' part of profile-service's subject-rights contract ({@link ProfileSubjectData} calls it).
 * An answer's FEEDBACK entry on the timeline belongs to the timeline's category.
 */
@ApplicationScoped
class FeedbackSubjectData {

    static final String FEEDBACK = "customer-feedback";

    @Inject
    FeedbackRepository answers;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    ObjectMapper json;

    DataCategory category() {
        return new DataCategory(
                FEEDBACK,
                "Satisfaction answers: CSAT (1-5) or NPS (0-10), the customer's own words, where and when the answer"
                        + " was given, the call or ticket it rates",
                "GDPR Art. 6(1)(f) legitimate interest in measuring and improving customer satisfaction",
                "while the customer relationship lasts; deleted on erasure; reports hold only aggregates",
                List.of("customer-relationship"),
                List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                RetentionCategories.INACTIVE_CUSTOMER_PROFILE);
    }

    CategoryExport export(UUID subjectId) {
        List<StoredFeedback> all = answers.allOfSubject(subjectId).stream()
                .map(row ->
                        Feedback.stored(row, cipher.decrypt(subjectId, Feedback.COMMENT_FIELD, row.encryptedComment)))
                .toList();
        return new CategoryExport(FEEDBACK, all.size(), json.valueToTree(all));
    }

    /** Deletes every answer; called before the timeline's part, whose FEEDBACK entries the answers refer to. */
    CategoryOutcome erase(UUID subjectId) {
        return CategoryOutcome.erased(FEEDBACK, answers.deleteAllOf(subjectId));
    }
}
