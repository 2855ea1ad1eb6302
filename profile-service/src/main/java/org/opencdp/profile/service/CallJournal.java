package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CallEvent;
import org.opencdp.profile.domain.CallEventOutcome;
import org.opencdp.profile.domain.CallEventOutcome.Change;
import org.opencdp.profile.domain.CallEventOutcome.Match;
import org.opencdp.profile.domain.CallRecord;
import org.opencdp.profile.domain.NewTimelineEntry;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.profile.repository.CallRecordRepository;
import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * Records the calls integrations report (the generic call webhook, sipgate.io, 3CX) on the timeline: one CALL entry per
 * call, found again by the integration and the call's id (the entry's source and external reference), completed as
 * the call's later events arrive and final once it has ended. Each event is applied once: the same event again
 * changes nothing. A new call is matched by the external party's number ({@link CallerLookup#customersWith}); a number
 * several customers share is recorded on none of them (no guess), an unknown one not at all: nothing about the call is
 * stored then.
 */
@ApplicationScoped
public class CallJournal {

    static final String MISSED_CALL = "Missed call";
    /** Clocks of other systems drift; a call a little ahead of ours is still taken as now. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final int MAX_DURATION_SECONDS = 86_400;

    private static final Logger LOG = Logger.getLogger(CallJournal.class);

    @Inject
    CallerLookup callers;

    @Inject
    Timeline timeline;

    @Inject
    TimelineRepository entries;

    @Inject
    TimelineCodec codec;

    @Inject
    CallRecordRepository calls;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    InputChecks checks;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Applies an event of a call reported by an integration; {@code actor} ({@code integration:<name>}) is the entry's
     * source and the writer in the audit trail, {@code purpose} the door.
     */
    @Transactional
    public CallEventOutcome receive(CallEvent event, String actor, String purpose) {
        checks.noPaymentNumbersIn("summary", event.summary());
        checks.noPaymentNumbersIn("agent", event.agent());
        checks.noPaymentNumbersIn("callId", event.callId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Stream.of(event.startedAt(), event.answeredAt(), event.endedAt())
                .filter(Objects::nonNull)
                .filter(at -> at.isAfter(now.plus(CLOCK_TOLERANCE)))
                .findAny()
                .ifPresent(at -> {
                    throw ProblemException.invalidField("startedAt", "the call's times must not be in the future");
                });
        byte[] reference = codec.referenceHash(actor, event.callId());
        entries.lockReference(reference);
        Optional<TimelineEntry> earlier = entries.byReference(reference);
        if (earlier.isPresent()) {
            return update(earlier.get(), event, actor, purpose, now);
        }
        List<UUID> customers = callers.customersWith(event.externalNumber());
        if (customers.isEmpty()) {
            return CallEventOutcome.unmatched(Match.UNKNOWN);
        }
        if (customers.size() > 1) {
            LOG.infof(
                    "call event of %s: the number is %d customers', recorded on none of them", actor, customers.size());
            return CallEventOutcome.unmatched(Match.AMBIGUOUS);
        }
        return create(customers.getFirst(), event, actor, reference, purpose, now);
    }

    private CallEventOutcome create(
            UUID customerId, CallEvent event, String actor, byte[] reference, String purpose, Instant now) {
        Instant answeredAt = answeredAt(null, event, now);
        Instant occurredAt = Stream.of(event.startedAt(), answeredAt, event.endedAt())
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(now);
        Integer duration = event.durationSeconds();
        String summary = event.summary();
        if (event.kind().ends()) {
            boolean missed = missed(event.kind(), answeredAt, Set.of(), duration);
            duration = missed ? Integer.valueOf(0) : durationOf(duration, answeredAt, event, now);
            summary = missed ? missedSummary(summary) : summary;
        }
        NewTimelineEntry entry = new NewTimelineEntry(
                TimelineChannel.CALL,
                event.direction(),
                occurredAt,
                duration,
                event.agent(),
                summary,
                event.callId(),
                false);
        StoredTimelineEntry stored = timeline.recordCall(customerId, entry, actor, reference);
        if (!event.kind().ends()) {
            CallRecord call = new CallRecord();
            call.entryId = stored.id();
            call.subjectId = customerId;
            call.appliedEvents = "";
            call.apply(event.kind());
            call.answeredAt = answeredAt;
            calls.insert(call);
        }
        audit.recordAs(actor, Caller.Kind.SERVICE, customerId, Timeline.WRITE, purpose);
        return new CallEventOutcome(Match.MATCHED, stored.id(), Change.CREATED);
    }

    private CallEventOutcome update(TimelineEntry row, CallEvent event, String actor, String purpose, Instant now) {
        Optional<CallRecord> going = calls.find(row.id);
        if (going.isEmpty()
                || going.get().applied().contains(event.kind())
                || restrictions.isRestricted(row.subjectId)) {
            // Over (its entry is final), this event applied before, or the customer's processing restricted since.
            return new CallEventOutcome(Match.MATCHED, row.id, Change.UNCHANGED);
        }
        CallRecord call = going.get();
        Set<CallEvent.Kind> before = call.applied();
        call.answeredAt = answeredAt(call.answeredAt, event, now);
        call.apply(event.kind());
        StoredTimelineEntry current = codec.decrypt(row.subjectId, List.of(row)).getFirst();
        Instant occurredAt = event.startedAt() != null && event.startedAt().isBefore(current.occurredAt())
                ? event.startedAt()
                : current.occurredAt();
        Integer duration = event.durationSeconds() != null ? event.durationSeconds() : current.durationSeconds();
        String summary = event.summary() != null ? event.summary() : current.summary();
        if (event.kind().ends()) {
            boolean missed = missed(event.kind(), call.answeredAt, before, duration);
            duration = missed ? Integer.valueOf(0) : durationOf(duration, call.answeredAt, event, now);
            summary = missed ? missedSummary(summary) : summary;
            calls.delete(call.entryId);
        } else {
            calls.update(call);
        }
        timeline.reviseCall(
                row,
                new StoredTimelineEntry(
                        row.id,
                        row.subjectId,
                        row.channel,
                        row.direction,
                        occurredAt,
                        duration,
                        event.agent() != null ? event.agent() : current.agent(),
                        summary,
                        row.source,
                        current.externalReference(),
                        row.businessLetter,
                        row.recordedAt));
        audit.recordAs(actor, Caller.Kind.SERVICE, row.subjectId, Timeline.WRITE, purpose);
        return new CallEventOutcome(Match.MATCHED, row.id, Change.UPDATED);
    }

    /** When the call was answered: as known before, as the event says, or now for an answer event without a time. */
    private static Instant answeredAt(Instant known, CallEvent event, Instant now) {
        if (known != null) {
            return known;
        }
        if (event.answeredAt() != null) {
            return event.answeredAt();
        }
        return event.kind() == CallEvent.Kind.ANSWERED ? now : null;
    }

    /**
     * A call is missed when the sender says so, or when it ended without having been answered (no answer event, no
     * answer time, no talk time).
     */
    private static boolean missed(
            CallEvent.Kind kind, Instant answeredAt, Set<CallEvent.Kind> before, Integer duration) {
        return kind == CallEvent.Kind.MISSED
                || (answeredAt == null
                        && !before.contains(CallEvent.Kind.ANSWERED)
                        && (duration == null || duration == 0));
    }

    /** The talk time: as the sender says, else from the answer to the end (the event's time, or now). */
    private static Integer durationOf(Integer given, Instant answeredAt, CallEvent event, Instant now) {
        if (given != null || answeredAt == null) {
            return given;
        }
        Instant end = event.endedAt() != null ? event.endedAt() : now;
        long seconds = Math.max(0, Duration.between(answeredAt, end).toSeconds());
        return (int) Math.min(seconds, MAX_DURATION_SECONDS);
    }

    private static String missedSummary(String summary) {
        return summary == null ? MISSED_CALL : MISSED_CALL + ". " + summary;
    }
}
