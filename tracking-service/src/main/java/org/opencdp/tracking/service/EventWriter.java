package org.opencdp.tracking.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.tracking.domain.EventResult;
import org.opencdp.tracking.domain.WebEvent;
import org.opencdp.tracking.repository.EventRepository;
import org.opencdp.tracking.repository.VisitorLinkRepository;

/**
 * Stores a batch the consent gate allowed, in one transaction, and says which of its events were not stored and why:
 * their ledger entry was revoked since the decision (dropped, no-consent: counted as refused), they were sent
 * earlier in the batch (duplicate), their subject or the subject their visitor is linked to is restricted (dropped,
 * restricted: GDPR Art. 18 allows storing what is held, not collecting more), or they were stored already in an
 * earlier batch (duplicate); in that order of precedence.
 *
 * <p>The revoked entries are checked by the insert itself, under the revocation lock (one round trip fewer per
 * batch): the statement leaves out the events under a revoked entry and names those entries. Revocations racing a
 * batch are rare (the gate remembers a decision for at most a second); when one did, the batch is sorted again
 * with the revoked entries known and what that sorting adds (an event that only looked like a repeat of a revoked
 * one) is inserted too, so the answers are those of checking the entries first.
 */
@ApplicationScoped
public class EventWriter {

    @Inject
    EventRepository events;

    @Inject
    VisitorLinkRepository links;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    TrackingSettings settings;

    /**
     * How long before its client time an event's first sending can have been received: the reader refuses a client
     * time more than the allowed time ahead of its clock, read a moment after the batch's receipt time; the minute
     * covers that moment with room to spare.
     */
    private Duration resendLookBack() {
        return settings.maxClientTimeAhead().plusMinutes(1);
    }

    /** Returns the events not stored, by event id, with what became of them; the others were stored. */
    @Transactional
    public Map<UUID, EventResult> store(List<WebEvent> allowed, String source, int refused, Instant receivedAt) {
        Map<UUID, EventResult> notStored = new HashMap<>();
        if (!allowed.isEmpty()) {
            Set<WebEvent> restricted = restricted(allowed);
            events.lockAgainstRevocations(false);
            Sorting first = Sorting.of(allowed, Set.of(), restricted);
            EventRepository.Inserted inserted = events.insert(first.toInsert(), receivedAt, resendLookBack());
            Set<UUID> stored = new HashSet<>(inserted.stored());
            Sorting sorting = first;
            if (!inserted.revokedEntries().isEmpty()) {
                sorting = Sorting.of(allowed, inserted.revokedEntries(), restricted);
                List<WebEvent> added = new ArrayList<>(sorting.toInsert());
                added.removeAll(first.toInsert());
                stored.addAll(events.insert(added, receivedAt, resendLookBack()).stored());
            }
            notStored.putAll(sorting.notInserted());
            sorting.toInsert().stream()
                    .filter(event -> !stored.contains(event.id()))
                    .forEach(event -> notStored.put(event.id(), EventResult.DUPLICATE_RESULT));
        }
        long revokedMeanwhile = notStored.values().stream()
                .filter(EventResult.NO_CONSENT_RESULT::equals)
                .count();
        int refusedInAll = refused + (int) revokedMeanwhile;
        if (refusedInAll > 0) {
            events.countRefused(LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), source, refusedInAll);
        }
        return notStored;
    }

    /**
     * A batch sorted, given the revoked entries and the restricted events: the events to insert (those stored before
     * are left out by the insert) and the others with their result.
     */
    record Sorting(List<WebEvent> toInsert, Map<UUID, EventResult> notInserted) {

        static Sorting of(List<WebEvent> batch, Set<UUID> revokedEntries, Set<WebEvent> restricted) {
            Set<WebEvent.Identity> seen = new HashSet<>();
            List<WebEvent> toInsert = new ArrayList<>(batch.size());
            Map<UUID, EventResult> notInserted = new HashMap<>();
            for (WebEvent event : batch) {
                WebEvent.Identity identity = event.identity();
                if (revokedEntries.contains(event.consentEntryId())) {
                    notInserted.put(event.id(), EventResult.NO_CONSENT_RESULT);
                } else if (identity != null && !seen.add(identity)) {
                    notInserted.put(event.id(), EventResult.DUPLICATE_RESULT);
                } else if (restricted.contains(event)) {
                    notInserted.put(event.id(), EventResult.RESTRICTED_RESULT);
                } else {
                    toInsert.add(event);
                }
            }
            return new Sorting(toInsert, notInserted);
        }
    }

    /** The events whose subject, or the subject their visitor is linked to, is restricted. Two queries at most. */
    private Set<WebEvent> restricted(List<WebEvent> batch) {
        Map<String, UUID> linked = links.subjectsOf(batch.stream()
                .map(WebEvent::visitorId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Set<UUID> subjects = new HashSet<>(linked.values());
        batch.stream().map(WebEvent::subjectId).filter(Objects::nonNull).forEach(subjects::add);
        Set<UUID> restrictedSubjects = restrictions.restrictedAmong(subjects);
        Set<WebEvent> restricted = new HashSet<>();
        if (!restrictedSubjects.isEmpty()) {
            for (WebEvent event : batch) {
                if (restrictedSubjects.contains(event.subjectId())
                        || restrictedSubjects.contains(linked.get(event.visitorId()))) {
                    restricted.add(event);
                }
            }
        }
        return restricted;
    }
}
