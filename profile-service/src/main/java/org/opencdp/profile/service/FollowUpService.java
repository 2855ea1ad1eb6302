package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.DueWindow;
import org.opencdp.profile.domain.FollowUp;
import org.opencdp.profile.domain.FollowUpPage;
import org.opencdp.profile.domain.StoredFollowUp;
import org.opencdp.profile.domain.StoredFollowUp.FollowUpSubject;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.FollowUpRepository;
import org.opencdp.profile.repository.LeadRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * Follow-up reminders on customers and leads, by subject id, so a lead's follow-ups are its customer's after the
 * conversion. Notes are personal data of the subject: encrypted with its key, every read and change audited.
 */
@ApplicationScoped
public class FollowUpService {

    @Inject
    FollowUpRepository followUps;

    @Inject
    CustomerRepository customers;

    @Inject
    LeadRepository leads;

    @Inject
    LeadService leadService;

    @Inject
    LeadCodec codec;

    @Inject
    InputChecks checks;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public StoredFollowUp create(UUID subjectId, String owner, LocalDate dueDate, String note) {
        checks.noPaymentNumbersIn("note", note);
        if (dueDate.isBefore(today())) {
            throw ProblemException.invalidField("dueDate", "must be today or later");
        }
        if (customers.find(subjectId).isEmpty() && leads.find(subjectId).isEmpty()) {
            throw ProblemException.invalidField("subjectId", "names no customer or lead");
        }
        restrictions.requireUnrestricted(subjectId);
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.subjectId = subjectId;
        followUp.owner = owner;
        followUp.dueDate = dueDate;
        followUp.encryptedNote = note == null ? null : codec.encryptNote(subjectId, note);
        followUp.createdAt = now();
        followUps.insert(followUp);
        leadService.touchIfOpenLead(subjectId);
        audit.record(subjectId, "follow-up.create", "POST /api/v1/follow-ups");
        return stored(followUp, note, subjectTypeOf(subjectId));
    }

    /**
     * The owner's open follow-ups in the window (all open ones without), in due order after the follow-up
     * {@code after}. Those on restricted subjects are left out.
     */
    @Transactional
    public FollowUpPage openOf(String owner, DueWindow window, UUID after, int limit) {
        FollowUp cursor = cursor(after, f -> f.owner.equals(owner));
        LocalDate today = today();
        List<FollowUp> page = followUps.open(
                owner,
                null,
                window == null ? null : window.from(today),
                window == null ? null : window.to(today),
                cursor,
                limit + 1);
        return shown(page, limit, "GET /api/v1/follow-ups/mine");
    }

    /** The subject's open follow-ups in due order after the follow-up {@code after} (the 360° view's part). */
    @Transactional
    public FollowUpPage openOn(UUID subjectId, UUID after, int limit) {
        restrictions.requireUnrestricted(subjectId);
        FollowUp cursor = cursor(after, f -> f.subjectId.equals(subjectId));
        return shown(followUps.open(null, subjectId, null, null, cursor, limit + 1), limit, "GET /api/v1/follow-ups");
    }

    private FollowUp cursor(UUID after, Predicate<FollowUp> belongs) {
        if (after == null) {
            return null;
        }
        return followUps
                .find(after)
                .filter(belongs)
                .orElseThrow(() -> ProblemException.invalidField(
                        "cursor", "is not a cursor this API returned, or its follow-up is gone; start again"));
    }

    /** The first {@code limit} of the page (one more was read to know of a next page), decrypted and recorded. */
    private FollowUpPage shown(List<FollowUp> page, int limit, String purpose) {
        List<FollowUp> shown = new ArrayList<>(page.subList(0, Math.min(limit, page.size())));
        UUID next = page.size() > limit ? shown.getLast().id : null;
        Set<UUID> restricted = restrictions.restrictedAmong(subjectsOf(shown));
        shown.removeIf(f -> restricted.contains(f.subjectId));
        Map<UUID, String> notes = codec.decryptNotes(shown);
        Set<UUID> openLeads = leads.openLeadsAmong(subjectsOf(shown));
        Map<UUID, String> reads = new HashMap<>();
        shown.forEach(f -> reads.put(f.subjectId, "follow-up.read"));
        audit.recordReads(reads, purpose);
        return new FollowUpPage(
                shown.stream()
                        .map(f -> stored(
                                f,
                                notes.get(f.id),
                                openLeads.contains(f.subjectId) ? FollowUpSubject.LEAD : FollowUpSubject.CUSTOMER))
                        .toList(),
                next);
    }

    @Transactional
    public StoredFollowUp complete(UUID id) {
        return markDone(id, true, "follow-up.complete", "POST /api/v1/follow-ups/{id}/completion");
    }

    @Transactional
    public StoredFollowUp reopen(UUID id) {
        return markDone(id, false, "follow-up.reopen", "DELETE /api/v1/follow-ups/{id}/completion");
    }

    /** Idempotent: completing a completed follow-up (or reopening an open one) changes nothing but the trail. */
    private StoredFollowUp markDone(UUID id, boolean done, String action, String purpose) {
        FollowUp followUp =
                followUps.find(id).orElseThrow(() -> ProblemException.notFound("There is no follow-up " + id + "."));
        restrictions.requireUnrestricted(followUp.subjectId);
        if (followUp.done != done) {
            followUp.done = done;
            followUp.completedAt = done ? now() : null;
            followUps.updateDone(followUp);
            leadService.touchIfOpenLead(followUp.subjectId);
        }
        audit.record(followUp.subjectId, action, purpose);
        return stored(followUp, codec.decryptNote(followUp), subjectTypeOf(followUp.subjectId));
    }

    private FollowUpSubject subjectTypeOf(UUID subjectId) {
        return leads.openLeadsAmong(List.of(subjectId)).isEmpty() ? FollowUpSubject.CUSTOMER : FollowUpSubject.LEAD;
    }

    private static List<UUID> subjectsOf(List<FollowUp> followUps) {
        return followUps.stream().map(f -> f.subjectId).distinct().toList();
    }

    static StoredFollowUp stored(FollowUp followUp, String note, FollowUpSubject subjectType) {
        return new StoredFollowUp(
                followUp.id,
                followUp.subjectId,
                subjectType,
                followUp.owner,
                followUp.dueDate,
                note,
                followUp.done,
                followUp.completedAt,
                followUp.createdAt);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
