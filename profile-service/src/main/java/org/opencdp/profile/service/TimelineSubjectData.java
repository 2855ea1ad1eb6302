package org.opencdp.profile.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.profile.domain.TimelineRetention;
import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The timeline's part of profile-service's subject-rights contract ({@link ProfileSubjectData} calls it). Its
 * categories are the entries' retention duties: business letters are kept under a legal hold on erasure, call
 * records and the other entries are deleted.
 */
@ApplicationScoped
class TimelineSubjectData {

    static final String LETTER_LAW = "HGB §257(1) no. 2, 3, (4), (5) (commercial letters received and copies of those"
            + " sent, 6 years from the end of their year); review with legal counsel";

    @Inject
    TimelineRepository entries;

    @Inject
    TimelineCodec codec;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Years a business letter is kept after the end of its calendar year (HGB §257(4): 6). */
    @ConfigProperty(name = "opencdp.profile.timeline.business-letter-years")
    int businessLetterYears;

    List<DataCategory> categories() {
        String content = "; channel, direction, time, duration, agent, summary, the other system's reference";
        return List.of(
                new DataCategory(
                        TimelineRetention.COMMERCIAL_LETTERS.category(),
                        "Communication timeline entries marked as business letters (by default outbound e-mails and"
                                + " letters)" + content,
                        "GDPR Art. 6(1)(b) contract; Art. 6(1)(c) statutory retention (HGB §257)",
                        "after an erasure, restricted until the end of the calendar year " + businessLetterYears
                                + " years after the entry's year (" + LETTER_LAW + ")",
                        List.of("customer-relationship", "order-processing"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS, SubjectCategory.LEADS),
                        RetentionCategories.COMMERCIAL_LETTERS),
                new DataCategory(
                        TimelineRetention.CALL_RECORDS.category(),
                        "Communication timeline entries of phone calls" + content,
                        "GDPR Art. 6(1)(b) contract; Art. 6(1)(f) legitimate interest in customer service",
                        "per the retention policy call-records; deleted on erasure",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS, SubjectCategory.LEADS),
                        RetentionCategories.CALL_RECORDS),
                new DataCategory(
                        TimelineRetention.COMMUNICATION_TIMELINE.category(),
                        "Communication timeline entries of e-mails, letters, tickets, meetings, notes and feedback"
                                + " answers that are not business letters" + content,
                        "GDPR Art. 6(1)(b) contract; Art. 6(1)(f) legitimate interest in customer service",
                        "while the customer relationship lasts; deleted on erasure",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS, SubjectCategory.LEADS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE));
    }

    /** Every entry, decrypted, by category; entries kept under a legal hold included. */
    List<CategoryExport> export(UUID subjectId) {
        List<TimelineEntry> all = entries.allOfSubject(subjectId);
        Map<TimelineRetention, List<StoredTimelineEntry>> byCategory = new java.util.EnumMap<>(TimelineRetention.class);
        for (TimelineRetention retention : TimelineRetention.values()) {
            byCategory.put(
                    retention,
                    codec.decryptReadable(
                            subjectId,
                            all.stream().filter(e -> e.retention() == retention).toList()));
        }
        List<CategoryExport> exports = new ArrayList<>();
        byCategory.forEach((retention, list) ->
                exports.add(new CategoryExport(retention.category(), list.size(), json.valueToTree(list))));
        return exports;
    }

    /**
     * Deletes every entry but the business letters, which are kept until their duty ends (those whose duty has
     * ended already go now). Idempotent: a repeated erasure deletes nothing and reports the same kept letters.
     */
    List<CategoryOutcome> erase(UUID subjectId) {
        Map<TimelineRetention, Long> unheld = entries.allOfSubject(subjectId).stream()
                .filter(e -> !e.businessLetter)
                .collect(Collectors.groupingBy(TimelineEntry::retention, Collectors.counting()));
        entries.deleteUnheldOf(subjectId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        TimelineRepository.Retention letters = entries.retainBusinessLetters(subjectId, businessLetterYears, today);
        String lettersCategory = TimelineRetention.COMMERCIAL_LETTERS.category();
        return List.of(
                letters.kept() == 0
                        ? CategoryOutcome.erased(lettersCategory, letters.deleted())
                        : CategoryOutcome.keptUnderLegalHold(
                                lettersCategory, letters.deleted(), letters.kept(), letters.keptUntil(), LETTER_LAW),
                CategoryOutcome.erased(
                        TimelineRetention.CALL_RECORDS.category(),
                        unheld.getOrDefault(TimelineRetention.CALL_RECORDS, 0L)),
                CategoryOutcome.erased(
                        TimelineRetention.COMMUNICATION_TIMELINE.category(),
                        unheld.getOrDefault(TimelineRetention.COMMUNICATION_TIMELINE, 0L)));
    }

    /**
     * A deletion by sales destroys the key at once, so no entry could be read again: all of them go, and with their
     * FEEDBACK entries the feedback answers (foreign-key cascade).
     */
    void deleteAllOf(UUID subjectId) {
        entries.deleteAllOf(subjectId);
    }
}
