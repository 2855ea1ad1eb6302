package org.opencdp.behaviour.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.segment.Criterion;
import org.opencdp.behaviour.domain.segment.Segment;
import org.opencdp.behaviour.domain.segment.SegmentQuery;
import org.opencdp.behaviour.repository.SegmentRepository;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.Problem.FieldError;
import org.opencdp.problem.ProblemException;

import io.quarkus.scheduler.Scheduled;

/**
 * Saved segments: typed criteria compiled to SQL, membership computed on demand and refreshed on a schedule, and
 * exports of member subject ids for a named marketing purpose, leaving out whoever consent-service does not allow
 * for it (objection under Art. 21 included; fails closed).
 */
@ApplicationScoped
public class Segments {

    private static final Logger LOG = Logger.getLogger(Segments.class);

    /** A page of an export: the subject ids released, how many members were left out, where the next page starts. */
    public record ExportPage(String purpose, List<UUID> subjectIds, int leftOut, UUID next) {}

    @Inject
    SegmentRepository segments;

    @Inject
    CustomerMetrics metrics;

    @Inject
    ConsentGate consent;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public Segment create(String name, List<Criterion> criteria, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalidField("name", "must be 1 to 100 characters");
        }
        compile(criteria);
        Segment segment =
                new Segment(TimeOrderedIds.next(), name.strip(), criteria, createdBy, Instant.now(clock), null, 0);
        if (!segments.add(segment)) {
            throw ProblemException.conflict("A segment named '" + segment.name() + "' exists already.");
        }
        return refresh(segment.id());
    }

    public List<Segment> all() {
        return segments.all();
    }

    public Segment get(UUID id) {
        return segments.find(id).orElseThrow(() -> ProblemException.notFound("No such segment."));
    }

    @Transactional
    public void delete(UUID id) {
        if (!segments.delete(id)) {
            throw ProblemException.notFound("No such segment.");
        }
    }

    @Transactional
    public Segment refresh(UUID id) {
        Segment segment = get(id);
        segments.refresh(id, compile(segment.criteria()), Instant.now(clock));
        return get(id);
    }

    @Transactional
    public ExportPage export(UUID id, String purpose, UUID after, int limit) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 64) {
            throw ProblemException.invalidField("purpose", "must name the marketing purpose (1 to 64 characters)");
        }
        get(id);
        List<UUID> members = segments.members(id, after, limit);
        Set<UUID> allowed = consent.allowedSubjects(members, purpose);
        List<UUID> released =
                new ArrayList<>(members.stream().filter(allowed::contains).toList());
        audit.recordAll(released, "segment.export", purpose);
        return new ExportPage(
                purpose,
                released,
                members.size() - released.size(),
                members.size() == limit ? members.get(members.size() - 1) : null);
    }

    @Scheduled(
            identity = "segment-refresh",
            cron = "${opencdp.behaviour.segments.refresh-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshAll() {
        for (Segment segment : segments.all()) {
            refresh(segment.id());
        }
        LOG.infof("Segments refreshed");
    }

    private SegmentQuery compile(List<Criterion> criteria) {
        List<SegmentQuery.Violation> violations =
                SegmentQuery.check(criteria, metrics.grid().bySegment().keySet());
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations.stream()
                    .map(v -> new FieldError(v.field(), v.message()))
                    .toList());
        }
        return SegmentQuery.compile(criteria, Instant.now(clock));
    }
}
