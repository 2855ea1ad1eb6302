package org.opencdp.profile.repository;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineDirection;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.subjectrights.RetentionBatches;

/** The timeline entries (table {@code timeline_entry}). */
@ApplicationScoped
public class TimelineRepository {

    private static final String SELECT = "SELECT id, subject_id, channel, direction, occurred_at, duration_seconds,"
            + " agent, summary, source, external_reference, reference_hash, business_letter, recorded_at,"
            + " retained_until FROM timeline_entry";
    /** Call records: calls that are not business letters (a call that concludes a business is one). */
    private static final String CALL_RECORDS = "channel = 'CALL' AND NOT business_letter AND occurred_at < ?";
    /** Business letters, those kept under a legal hold after an erasure included. */
    private static final String BUSINESS_LETTERS = "business_letter AND occurred_at < ?";

    @Inject
    DataSource dataSource;

    @Inject
    RetentionBatches batches;

    public Optional<TimelineEntry> find(UUID id) {
        return Jdbc.first(dataSource, SELECT + " WHERE id = ?", TimelineRepository::read, id);
    }

    public void insert(TimelineEntry entry) {
        Jdbc.update(
                dataSource,
                "INSERT INTO timeline_entry (id, subject_id, channel, direction, occurred_at, duration_seconds, agent,"
                        + " summary, source, external_reference, reference_hash, business_letter, recorded_at,"
                        + " retained_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.id,
                entry.subjectId,
                entry.channel,
                entry.direction,
                entry.occurredAt,
                entry.durationSeconds,
                entry.encryptedAgent,
                entry.encryptedSummary,
                entry.source,
                entry.encryptedExternalReference,
                entry.referenceHash,
                entry.businessLetter,
                entry.recordedAt,
                entry.retainedUntil);
    }

    /** Writes what a later event of a call revises: its time, duration and encrypted fields. */
    public void updateCall(TimelineEntry entry) {
        Jdbc.update(
                dataSource,
                "UPDATE timeline_entry SET occurred_at = ?, duration_seconds = ?, agent = ?, summary = ?,"
                        + " external_reference = ? WHERE id = ?",
                entry.occurredAt,
                entry.durationSeconds,
                entry.encryptedAgent,
                entry.encryptedSummary,
                entry.encryptedExternalReference,
                entry.id);
    }

    /**
     * One page of the customer's entries in use (not kept only for a retention duty), newest first: after the entry
     * {@code after} when given, of the given channels.
     */
    public List<TimelineEntry> page(
            UUID subjectId, Collection<TimelineChannel> channels, TimelineEntry after, int limit) {
        String[] names = channels.stream().map(Enum::name).toArray(String[]::new);
        if (after == null) {
            return Jdbc.list(
                    dataSource,
                    SELECT + " WHERE subject_id = ? AND retained_until IS NULL AND channel = ANY(?)"
                            + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
                    TimelineRepository::read,
                    subjectId,
                    names,
                    limit);
        }
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id = ? AND retained_until IS NULL AND channel = ANY(?)"
                        + " AND (occurred_at < ? OR (occurred_at = ? AND id < ?))"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
                TimelineRepository::read,
                subjectId,
                names,
                after.occurredAt,
                after.occurredAt,
                after.id,
                limit);
    }

    /** Every entry of the subject, those kept for a retention duty included (for an access request), oldest first. */
    public List<TimelineEntry> allOfSubject(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                SELECT + " WHERE subject_id = ? ORDER BY occurred_at, id",
                TimelineRepository::read,
                subjectId);
    }

    public Optional<TimelineEntry> byReference(byte[] referenceHash) {
        return Jdbc.first(dataSource, SELECT + " WHERE reference_hash = ?", TimelineRepository::read, referenceHash);
    }

    /**
     * Serialises writers of the same external reference until the transaction ends, so that two deliveries of one
     * event arriving at once store one entry (the second then finds the first) instead of one failing on the
     * unique index.
     */
    public void lockReference(byte[] referenceHash) {
        Jdbc.list(
                dataSource,
                "SELECT pg_advisory_xact_lock(?)",
                rs -> null,
                ByteBuffer.wrap(referenceHash).getLong());
    }

    /** Deletes the subject's entries that no retention duty keeps; returns how many. */
    public long deleteUnheldOf(UUID subjectId) {
        return Jdbc.update(
                dataSource, "DELETE FROM timeline_entry WHERE subject_id = ? AND NOT business_letter", subjectId);
    }

    public long deleteAllOf(UUID subjectId) {
        return Jdbc.update(dataSource, "DELETE FROM timeline_entry WHERE subject_id = ?", subjectId);
    }

    /**
     * Keeps the subject's business letters only for their retention duty: each until the end of the calendar year
     * in which {@code years} after the end of its year expire (HGB §257(4), (5)); those whose duty has ended are
     * deleted. Returns how many were deleted now, and how many are kept and until when.
     */
    public Retention retainBusinessLetters(UUID subjectId, int years, LocalDate today) {
        int deleted = Jdbc.update(
                dataSource,
                "DELETE FROM timeline_entry WHERE subject_id = ? AND business_letter"
                        + " AND make_date(extract(year FROM occurred_at AT TIME ZONE 'UTC')::int + ?, 12, 31) < ?",
                subjectId,
                years,
                today);
        Jdbc.update(
                dataSource,
                "UPDATE timeline_entry SET retained_until = make_date(extract(year FROM occurred_at"
                        + " AT TIME ZONE 'UTC')::int + ?, 12, 31) WHERE subject_id = ? AND business_letter"
                        + " AND retained_until IS NULL",
                years,
                subjectId);
        return Jdbc.first(
                        dataSource,
                        "SELECT count(*), max(retained_until) FROM timeline_entry WHERE subject_id = ?",
                        rs -> new Retention(deleted, rs.getLong(1), Jdbc.date(rs, 2)),
                        subjectId)
                .orElseThrow();
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

    private static TimelineEntry read(ResultSet rs) throws SQLException {
        TimelineEntry entry = new TimelineEntry();
        entry.id = Jdbc.uuid(rs, 1);
        entry.subjectId = Jdbc.uuid(rs, 2);
        entry.channel = TimelineChannel.valueOf(rs.getString(3));
        entry.direction = TimelineDirection.valueOf(rs.getString(4));
        entry.occurredAt = Jdbc.instant(rs, 5);
        entry.durationSeconds = Jdbc.integer(rs, 6);
        entry.encryptedAgent = rs.getBytes(7);
        entry.encryptedSummary = rs.getBytes(8);
        entry.source = rs.getString(9);
        entry.encryptedExternalReference = rs.getBytes(10);
        entry.referenceHash = rs.getBytes(11);
        entry.businessLetter = rs.getBoolean(12);
        entry.recordedAt = Jdbc.instant(rs, 13);
        entry.retainedUntil = Jdbc.date(rs, 14);
        return entry;
    }

    /** What an erasure did to the business letters: deleted now, kept, and the last day of the latest kept one. */
    public record Retention(long deleted, long kept, LocalDate keptUntil) {}
}
