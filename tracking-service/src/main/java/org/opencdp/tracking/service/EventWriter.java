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

import jakarta.annotation.PostConstruct;
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
 *
 * <p>Batches that arrive while others are being stored share a transaction (group commit, {@link CommitGroups}):
 * PostgreSQL's cost of a batch was mostly its own statements and commit rather than its rows, so the batches
 * waiting meanwhile are stored with one lookup of links and restrictions, one revocation lock, one insert and one
 * commit, as if one after the other. Each request still gets its answer only once its events are committed.
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

    /** Batches stored together while others are being written; see {@link CommitGroups}. */
    private CommitGroups<Batch, Map<UUID, EventResult>> groups;

    @PostConstruct
    void groupCommits() {
        groups = new CommitGroups<>(this::storeTogether, settings.writerTransactions(), GROUP_BATCHES);
    }

    /**
     * At most this many batches are stored together: up to 2,000 events of 100-event batches in one statement, while
     * a group's rows still travel in a few hundred kilobytes.
     */
    private static final int GROUP_BATCHES = 20;

    /**
     * How long before its client time an event's first sending can have been received: the reader refuses a client
     * time more than the allowed time ahead of its clock, read a moment after the batch's receipt time; the minute
     * covers that moment with room to spare.
     */
    private Duration resendLookBack() {
        return settings.maxClientTimeAhead().plusMinutes(1);
    }

    /** A batch the consent gate sorted: the events it allowed, and how many it refused (counted, not stored). */
    public record Batch(List<WebEvent> allowed, String source, int refused, Instant receivedAt) {}

    /**
     * Stores one batch, in one transaction with whatever batches are waiting beside it ({@link CommitGroups}); returns
     * its events not stored, by event id, with what became of them; the others were stored when it returns.
     */
    public Map<UUID, EventResult> store(List<WebEvent> allowed, String source, int refused, Instant receivedAt) {
        return groups.write(new Batch(allowed, source, refused, receivedAt));
    }

    /**
     * Stores batches in one transaction, as if one after the other: an event of a later batch that repeats one of an
     * earlier batch is a duplicate. Answers each batch's events not stored, in the batches' order.
     */
    @Transactional
    public List<Map<UUID, EventResult>> storeTogether(List<Batch> batches) {
        List<WebEvent> allowed = new ArrayList<>();
        batches.forEach(batch -> allowed.addAll(batch.allowed()));
        Map<UUID, EventResult> notStored = new HashMap<>();
        if (!allowed.isEmpty()) {
            Set<WebEvent> restricted = restricted(allowed);
            events.lockAgainstRevocations(false);
            Sorting first = Sorting.of(allowed, Set.of(), restricted);
            EventRepository.Inserted inserted = events.insert(first.toInsert(), resendLookBack());
            Set<UUID> stored = new HashSet<>(inserted.stored());
            Sorting sorting = first;
            if (!inserted.revokedEntries().isEmpty()) {
                sorting = Sorting.of(allowed, inserted.revokedEntries(), restricted);
                List<WebEvent> added = new ArrayList<>(sorting.toInsert());
                added.removeAll(first.toInsert());
                stored.addAll(events.insert(added, resendLookBack()).stored());
            }
            notStored.putAll(sorting.notInserted());
            sorting.toInsert().stream()
                    .filter(event -> !stored.contains(event.id()))
                    .forEach(event -> notStored.put(event.id(), EventResult.DUPLICATE_RESULT));
        }
        List<Map<UUID, EventResult>> answers = new ArrayList<>(batches.size());
        Map<Refused, Integer> refused = new HashMap<>();
        for (Batch batch : batches) {
            Map<UUID, EventResult> answer = new HashMap<>();
            for (WebEvent event : batch.allowed()) {
                EventResult result = notStored.get(event.id());
                if (result != null) {
                    answer.put(event.id(), result);
                }
            }
            long revokedMeanwhile = answer.values().stream()
                    .filter(EventResult.NO_CONSENT_RESULT::equals)
                    .count();
            int refusedInAll = batch.refused() + (int) revokedMeanwhile;
            if (refusedInAll > 0) {
                refused.merge(
                        new Refused(LocalDate.ofInstant(batch.receivedAt(), ZoneOffset.UTC), batch.source()),
                        refusedInAll,
                        Integer::sum);
            }
            answers.add(answer);
        }
        refused.forEach((key, count) -> events.countRefused(key.day(), key.source(), count));
        return answers;
    }

    /** Where refused events are counted: per day and source. */
    private record Refused(LocalDate day, String source) {}

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
