package org.opencdp.profile.repository;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.subjectrights.RetentionBatches;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    /** Call records: calls that are not business letters (a call that concludes a business is one). */
    private static final String CALL_RECORDS = "channel = 'CALL' AND NOT business_letter AND occurred_at < ?";
    /** Business letters, those kept under a legal hold after an erasure included. */
    private static final String BUSINESS_LETTERS = "business_letter AND occurred_at < ?";

    @Inject
    RetentionBatches batches;

    /**
     * One page of the customer's entries in use (not kept only for a retention duty), newest first: after the entry
     * {@code after} when given, of the given channels.
     */
    public List<TimelineEntry> page(
            UUID subjectId, Collection<TimelineChannel> channels, TimelineEntry after, int limit) {
        StringBuilder query =
                new StringBuilder("subjectId = :subject and retainedUntil is null and channel in :channels");
        Parameters parameters = Parameters.with("subject", subjectId).and("channels", channels);
        if (after != null) {
            query.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            parameters.and("at", after.occurredAt).and("id", after.id);
        }
        query.append(" order by occurredAt desc, id desc");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    /** Every entry of the subject, those kept for a retention duty included (for an access request), oldest first. */
    public List<TimelineEntry> allOfSubject(UUID subjectId) {
        return list("subjectId = ?1 order by occurredAt, id", subjectId);
    }

    public Optional<TimelineEntry> byReference(byte[] referenceHash) {
        return find("referenceHash", referenceHash).firstResultOptional();
    }

    /**
     * Serialises writers of the same external reference until the transaction ends, so that two deliveries of one
     * event arriving at once store one entry (the second then finds the first) instead of one failing on the
     * unique index.
     */
    public void lockReference(byte[] referenceHash) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, ByteBuffer.wrap(referenceHash).getLong())
                .getSingleResult();
    }

    /** Deletes the subject's entries that no retention duty keeps; returns how many. */
    public long deleteUnheldOf(UUID subjectId) {
        return delete("subjectId = ?1 and businessLetter = false", subjectId);
    }

    public long deleteAllOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }

    /**
     * Keeps the subject's business letters only for their retention duty: each until the end of the calendar year
     * in which {@code years} after the end of its year expire (HGB §257(4), (5)); those whose duty has ended are
     * deleted. Returns how many were deleted now, and how many are kept and until when.
     */
    public Retention retainBusinessLetters(UUID subjectId, int years, LocalDate today) {
        int deleted = getEntityManager()
                .createNativeQuery("DELETE FROM timeline_entry WHERE subject_id = ?1 AND business_letter"
                        + " AND make_date(extract(year FROM occurred_at AT TIME ZONE 'UTC')::int + ?2, 12, 31) < ?3")
                .setParameter(1, subjectId)
                .setParameter(2, years)
                .setParameter(3, today)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("UPDATE timeline_entry SET retained_until = make_date(extract(year FROM occurred_at"
                        + " AT TIME ZONE 'UTC')::int + ?1, 12, 31) WHERE subject_id = ?2 AND business_letter"
                        + " AND retained_until IS NULL")
                .setParameter(1, years)
                .setParameter(2, subjectId)
                .executeUpdate();
        Object[] kept = (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), max(retained_until) FROM timeline_entry WHERE subject_id = ?1")
                .setParameter(1, subjectId)
                .getSingleResult();
        return new Retention(deleted, ((Number) kept[0]).longValue(), (LocalDate) kept[1]);
    }

    /** How many call records took place before the moment (a retention cutoff). */
    public long countCallRecordsBefore(Instant before) {
        return batches.count("SELECT count(*) FROM timeline_entry WHERE " + CALL_RECORDS, before);
    }

    /** Deletes the call records that took place before the moment, in batches; returns how many. */
    public long deleteCallRecordsBefore(Instant before) {
        return deleteInBatches(CALL_RECORDS, before);
    }

    /** How many business letters were sent or received before the moment, held ones included. */
    public long countBusinessLettersBefore(Instant before) {
        return batches.count("SELECT count(*) FROM timeline_entry WHERE " + BUSINESS_LETTERS, before);
    }

    /**
     * Deletes the business letters sent or received before the moment, held ones included, in batches (a FEEDBACK
     * entry marked as a letter takes its answer with it, as on erasure); returns how many.
     */
    public long deleteBusinessLettersBefore(Instant before) {
        return deleteInBatches(BUSINESS_LETTERS, before);
    }

    private long deleteInBatches(String condition, Instant before) {
        return batches.deleteInBatches(
                "DELETE FROM timeline_entry WHERE id IN (SELECT id FROM timeline_entry WHERE " + condition
                        + " LIMIT ?)",
                before);
    }

    /** What an erasure did to the business letters: deleted now, kept, and the last day of the latest kept one. */
    public record Retention(long deleted, long kept, LocalDate keptUntil) {}
}
