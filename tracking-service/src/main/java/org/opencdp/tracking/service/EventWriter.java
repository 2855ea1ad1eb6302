package org.opencdp.tracking.service;

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
 * their ledger entry was revoked since the decision (dropped, no-consent: counted as refused), their subject or the
 * subject their visitor is linked to is restricted (dropped, restricted: GDPR Art. 18 allows storing what is held,
 * not collecting more), or they were stored already, earlier in the batch or in an earlier one (duplicate).
 */
@ApplicationScoped
public class EventWriter {

    @Inject
    EventRepository events;

    @Inject
    VisitorLinkRepository links;

    @Inject
    SubjectRestrictions restrictions;

    /** Returns the events not stored, by event id, with what became of them; the others were stored. */
    @Transactional
    public Map<UUID, EventResult> store(List<WebEvent> allowed, String source, int refused, Instant receivedAt) {
        Map<UUID, EventResult> notStored = new HashMap<>();
        if (!allowed.isEmpty()) {
            events.lockAgainstRevocations(false);
            Set<UUID> revoked = events.revokedAmong(
                    allowed.stream().map(WebEvent::consentEntryId).distinct().toList());
            Set<WebEvent.Identity> seen = new HashSet<>();
            List<WebEvent> kept = new ArrayList<>(allowed.size());
            for (WebEvent event : allowed) {
                WebEvent.Identity identity = event.identity();
                if (revoked.contains(event.consentEntryId())) {
                    notStored.put(event.id(), EventResult.NO_CONSENT_RESULT);
                } else if (identity != null && !seen.add(identity)) {
                    notStored.put(event.id(), EventResult.DUPLICATE_RESULT);
                } else {
                    kept.add(event);
                }
            }
            Set<WebEvent> restricted = restricted(kept);
            kept.removeAll(restricted);
            restricted.forEach(event -> notStored.put(event.id(), EventResult.RESTRICTED_RESULT));
            Set<UUID> stored = events.insert(kept, receivedAt);
            kept.stream()
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
