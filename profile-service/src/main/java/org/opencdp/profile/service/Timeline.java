package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.NewTimelineEntry;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.profile.domain.TimelinePage;
import org.opencdp.profile.domain.TimelineWrite;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * The communication timeline of a customer: written by agents and integrations, read newest first. Every write and
 * read is in the customer's audit trail; a restricted customer's timeline is neither written nor read (409).
 */
@ApplicationScoped
public class Timeline {

    static final String READ = "timeline.read";
    static final String WRITE = "timeline.write";
    /** Clocks of other systems drift; an entry a little ahead of ours is still taken as now. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    TimelineRepository entries;

    @Inject
    CustomerRepository customers;

    @Inject
    TimelineCodec codec;

    @Inject
    InputChecks checks;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Records a communication written by {@code source} (an integration's client id or an agent's login name),
     * or, when the entry's external reference was recorded by the same source before, returns that first entry.
     * {@code purpose} names the door in the audit trail (e.g. the endpoint's template).
     */
    @Transactional
    public TimelineWrite record(UUID customerId, NewTimelineEntry entry, String source, String purpose) {
        if (entry.channel() == TimelineChannel.FEEDBACK) {
            throw ProblemException.invalidField(
                    "channel", "FEEDBACK entries are written with the answer: POST /api/v1/customers/{id}/feedback");
        }
        return write(customerId, entry, source, purpose, null);
    }

    /**
     * {@link #record} for an integration behind a webhook door: the request has no token, so the audit trail names
     * the integration ({@code actor}, e.g. {@code integration:zammad-support}), which is also the entry's source.
     */
    TimelineWrite recordAs(UUID customerId, NewTimelineEntry entry, String actor, String purpose) {
        return write(customerId, entry, actor, purpose, actor);
    }

    /** Records the timeline entry of a feedback answer; the caller has checked the customer. */
    StoredTimelineEntry recordFeedback(UUID customerId, NewTimelineEntry entry, String source) {
        return store(customerId, entry, source, null);
    }

    /**
     * Records the entry of a call an integration reports: {@link CallJournal} has matched the customer, holds the lock
     * of the call's reference and records the write in the audit trail as the integration.
     */
    StoredTimelineEntry recordCall(UUID customerId, NewTimelineEntry entry, String source, byte[] referenceHash) {
        return store(customerId, entry, source, referenceHash);
    }

    /**
     * Fills in what a later event of a call tells: its start, duration, agent and summary. The timeline is otherwise
     * append-only; a call is the exception because it is one communication whose facts arrive in several events
     * ({@link CallJournal}), and one entry completed as they come reads better than an entry per event. Once the call
     * has ended its entry does not change any more.
     */
    void reviseCall(TimelineEntry row, StoredTimelineEntry revised) {
        row.occurredAt = revised.occurredAt().truncatedTo(ChronoUnit.MICROS);
        row.durationSeconds = revised.durationSeconds();
        codec.encrypt(row, revised.agent(), revised.summary(), revised.externalReference());
        entries.updateCall(row);
    }

    /**
     * One page of the customer's timeline, newest first, of the given channels (all when empty), after the entry
     * {@code after} (a cursor the previous page handed out) when given.
     */
    @Transactional
    public TimelinePage page(UUID customerId, Set<TimelineChannel> channels, UUID after, int limit, String purpose) {
        requireUsable(customerId);
        TimelineEntry cursor = after == null ? null : cursorEntry(customerId, after);
        Set<TimelineChannel> shown = channels.isEmpty() ? EnumSet.allOf(TimelineChannel.class) : channels;
        List<TimelineEntry> found = entries.page(customerId, shown, cursor, limit + 1);
        List<TimelineEntry> page = found.subList(0, Math.min(limit, found.size()));
        UUID next = found.size() > limit ? page.getLast().id : null;
        List<StoredTimelineEntry> decrypted = codec.decrypt(customerId, page);
        audit.recordRead(customerId, READ, purpose);
        return new TimelinePage(decrypted, next);
    }

    /** The customer's latest {@code count} entries, newest first: the 360° view's part. */
    @Transactional
    public List<StoredTimelineEntry> latest(UUID customerId, int count, String purpose) {
        return page(customerId, Set.of(), null, count, purpose).entries();
    }

    /** {@code actor} null: the request's caller is recorded in the audit trail. */
    private TimelineWrite write(UUID customerId, NewTimelineEntry entry, String source, String purpose, String actor) {
        requireUsable(customerId);
        if (entry.occurredAt().isAfter(now().plus(CLOCK_TOLERANCE))) {
            throw ProblemException.invalidField("occurredAt", "must not be in the future");
        }
        checks.noPaymentNumbersIn("summary", entry.summary());
        checks.noPaymentNumbersIn("agent", entry.agent());
        checks.noPaymentNumbersIn("externalReference", entry.externalReference());
        byte[] referenceHash =
                entry.externalReference() == null ? null : codec.referenceHash(source, entry.externalReference());
        Optional<TimelineEntry> earlier = Optional.empty();
        if (referenceHash != null) {
            entries.lockReference(referenceHash);
            earlier = entries.byReference(referenceHash);
        }
        if (earlier.isPresent()) {
            TimelineEntry first = earlier.get();
            if (!first.subjectId.equals(customerId)) {
                throw ProblemException.conflict("This external reference of " + source
                        + " is already recorded on another customer's timeline.");
            }
            StoredTimelineEntry stored =
                    codec.decrypt(customerId, List.of(first)).getFirst();
            if (actor == null) {
                audit.recordRead(customerId, READ, purpose);
            } else {
                audit.recordAs(actor, Caller.Kind.SERVICE, customerId, READ, purpose);
            }
            return new TimelineWrite(stored, false);
        }
        StoredTimelineEntry stored = store(customerId, entry, source, referenceHash);
        if (actor == null) {
            audit.record(customerId, WRITE, purpose);
        } else {
            audit.recordAs(actor, Caller.Kind.SERVICE, customerId, WRITE, purpose);
        }
        return new TimelineWrite(stored, true);
    }

    private StoredTimelineEntry store(UUID customerId, NewTimelineEntry entry, String source, byte[] referenceHash) {
        TimelineEntry row = new TimelineEntry();
        row.id = UUID.randomUUID();
        row.subjectId = customerId;
        row.channel = entry.channel();
        row.direction = entry.direction();
        row.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        row.durationSeconds = entry.durationSeconds();
        row.source = source;
        row.referenceHash = referenceHash;
        row.businessLetter = entry.isBusinessLetter();
        row.recordedAt = now();
        String agent = entry.agent() == null ? source : entry.agent();
        codec.encrypt(row, agent, entry.summary(), entry.externalReference());
        entries.insert(row);
        return new StoredTimelineEntry(
                row.id,
                customerId,
                row.channel,
                row.direction,
                row.occurredAt,
                row.durationSeconds,
                agent,
                entry.summary(),
                source,
                entry.externalReference(),
                row.businessLetter,
                row.recordedAt);
    }

    /** An existing customer whose processing is not restricted. */
    void requireUsable(UUID customerId) {
        if (customers.find(customerId).isEmpty()) {
            throw ProblemException.notFound("There is no customer " + customerId + ".");
        }
        restrictions.requireUnrestricted(customerId);
    }

    private TimelineEntry cursorEntry(UUID customerId, UUID after) {
        return entries.find(after)
                .filter(e -> e.subjectId.equals(customerId) && e.retainedUntil == null)
                .orElseThrow(() -> ProblemException.invalidField(
                        "cursor", "is not a cursor this API returned; start again without it"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
