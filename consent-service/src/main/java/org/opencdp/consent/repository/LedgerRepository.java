package org.opencdp.consent.repository;

import java.sql.PreparedStatement;
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

import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.ConsentState;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.HolderType;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.jdbc.Jdbc;

/** The ledger (append-only), its current-state projection, objections and erased holders. */
@ApplicationScoped
public class LedgerRepository {

    /** First key of the advisory locks taken here, apart from other users of advisory locks. */
    static final int LOCK_SPACE = 0x434E5354; // "CNST"

    private static final String ENTRY_COLUMNS = """
            id, sequence, holder_type, holder_id, action, purpose_id, purpose_version, language, text_hash, channel,
            recorded_at, recorded_by_kind, recorded_by, proof_reference, refers_to, linked_from, linked_subject,
            encrypted_email""";

    @Inject
    DataSource dataSource;

    /**
     * Serialises writers of the same holder and purposes until the transaction ends. Taken before an entry gets its
     * sequence, so for one holder and purpose the ledger order is the order in which writers were acknowledged.
     * Locks are taken in ascending key order, so writers of overlapping purpose sets cannot deadlock.
     */
    public void lock(Holder holder, Collection<String> purposeIds) {
        Jdbc.first(
                dataSource,
                """
                SELECT count(pg_advisory_xact_lock(?, k.key))
                  FROM (SELECT DISTINCT hashtext(? || ':' || p) AS key FROM unnest(?::text[]) AS p
                         ORDER BY 1) AS k""",
                row -> row.getLong(1),
                LOCK_SPACE,
                holder.type() + ":" + holder.id(),
                purposeIds.toArray(String[]::new));
    }

    /** Appends an entry and returns its sequence. */
    public long append(LedgerEntry e) {
        return Jdbc.first(
                        dataSource,
                        """
                        INSERT INTO consent_entry (id, holder_type, holder_id, action, purpose_id, purpose_version,
                            language, text_hash, channel, recorded_at, recorded_by_kind, recorded_by, proof_reference,
                            refers_to, linked_from, linked_subject, encrypted_email)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING sequence""",
                        row -> row.getLong(1),
                        e.id(),
                        e.holder().type(),
                        e.holder().id(),
                        e.action(),
                        e.purposeId(),
                        e.purposeVersion(),
                        e.language(),
                        e.textHash(),
                        e.channel(),
                        e.recordedAt(),
                        e.recordedBy().kind(),
                        e.recordedBy().name(),
                        e.proofReference(),
                        e.refersTo(),
                        e.linkedFrom(),
                        e.linkedSubject(),
                        e.encryptedEmail())
                .orElseThrow();
    }

    /** Moves the projection to the entry, unless it already reflects a later one. */
    public void advance(ConsentState state) {
        Jdbc.update(
                dataSource,
                """
                INSERT INTO consent_state AS s (holder_type, holder_id, purpose_id, status, entry_id, sequence)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (holder_type, holder_id, purpose_id) DO UPDATE
                   SET status = excluded.status, entry_id = excluded.entry_id, sequence = excluded.sequence
                 WHERE s.sequence < excluded.sequence""",
                state.holder().type(),
                state.holder().id(),
                state.purposeId(),
                state.status(),
                state.entryId(),
                state.sequence());
    }

    public List<ConsentState> states(Holder holder) {
        return Jdbc.list(
                dataSource,
                """
                SELECT purpose_id, status, entry_id, sequence FROM consent_state
                 WHERE holder_type = ? AND holder_id = ? ORDER BY purpose_id""",
                rows -> new ConsentState(
                        holder,
                        rows.getString("purpose_id"),
                        ConsentStatus.valueOf(rows.getString("status")),
                        Jdbc.uuid(rows, "entry_id"),
                        rows.getLong("sequence")),
                holder.type(),
                holder.id());
    }

    public Optional<ConsentState> state(Holder holder, String purposeId) {
        return states(holder).stream()
                .filter(s -> s.purposeId().equals(purposeId))
                .findFirst();
    }

    /** Deletes the holder's projection rows and objection; returns how many there were. */
    public int forgetState(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            int deleted;
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM consent_state WHERE holder_type = ? AND holder_id = ?")) {
                Jdbc.bind(c, delete, holder.type(), holder.id());
                deleted = delete.executeUpdate();
            }
            if (holder.type() == HolderType.SUBJECT) {
                try (PreparedStatement delete =
                        c.prepareStatement("DELETE FROM subject_objection WHERE subject_id = ?")) {
                    Jdbc.bind(c, delete, holder.id());
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    public Optional<LedgerEntry> entry(UUID id) {
        return Jdbc.first(
                dataSource,
                "SELECT " + ENTRY_COLUMNS + " FROM consent_entry WHERE id = ?",
                LedgerRepository::ledgerEntry,
                id);
    }

    /** The holder's entries after a sequence, oldest first. */
    public List<LedgerEntry> entries(Holder holder, long afterSequence, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT " + ENTRY_COLUMNS + """
                 FROM consent_entry WHERE holder_type = ? AND holder_id = ? AND sequence > ?
                ORDER BY sequence LIMIT ?""",
                LedgerRepository::ledgerEntry,
                holder.type(),
                holder.id(),
                afterSequence,
                limit);
    }

    /**
     * A subject's history: its own entries and those of the visitors linked to it, in ledger order, after the entry
     * {@code after} (null: from the start).
     */
    public List<LedgerEntry> history(UUID subjectId, UUID after, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT " + ENTRY_COLUMNS + """
                 FROM consent_entry
                WHERE ((holder_type = 'SUBJECT' AND holder_id = ?)
                       OR (holder_type = 'VISITOR' AND holder_id IN (SELECT l.holder_id FROM consent_entry l
                                                                      WHERE l.action = 'LINK'
                                                                        AND l.linked_subject = ?)))
                  AND sequence > coalesce((SELECT a.sequence FROM consent_entry a WHERE a.id = ?), 0)
                ORDER BY sequence LIMIT ?""",
                LedgerRepository::ledgerEntry,
                subjectId,
                subjectId,
                after,
                limit);
    }

    /** Deletes the holder's entries (the retention purge, after the legal hold) and returns how many. */
    public int purge(Holder holder) {
        return Jdbc.update(
                dataSource,
                "DELETE FROM consent_entry WHERE holder_type = ? AND holder_id = ?",
                holder.type(),
                holder.id());
    }

    /** Erased holders whose legal hold ended before {@code day} and who still have entries. */
    public List<Holder> holdsEndedBefore(LocalDate day) {
        return Jdbc.list(
                dataSource, """
                SELECT e.holder_type, e.holder_id FROM erased_holder e
                 WHERE e.hold_until < ?
                   AND EXISTS (SELECT 1 FROM consent_entry x
                                WHERE x.holder_type = e.holder_type AND x.holder_id = e.holder_id)""", rows -> new Holder(HolderType.valueOf(rows.getString(1)), Jdbc.uuid(rows, 2)), day);
    }

    public long count(Holder holder) {
        return Jdbc.first(
                        dataSource,
                        "SELECT count(*) FROM consent_entry WHERE holder_type = ? AND holder_id = ?",
                        row -> row.getLong(1),
                        holder.type(),
                        holder.id())
                .orElseThrow();
    }

    /** When the holder's newest entry was recorded, if any. */
    public Optional<Instant> lastRecordedAt(Holder holder) {
        return Jdbc.first(
                dataSource,
                "SELECT max(recorded_at) FROM consent_entry WHERE holder_type = ? AND holder_id = ?",
                row -> Jdbc.instant(row, 1),
                holder.type(),
                holder.id());
    }

    /** The visitors linked to a subject. */
    public List<Holder> visitorsLinkedTo(UUID subjectId) {
        return Jdbc.list(
                dataSource,
                "SELECT DISTINCT holder_id FROM consent_entry WHERE action = 'LINK' AND linked_subject = ?",
                rows -> new Holder(HolderType.VISITOR, Jdbc.uuid(rows, 1)),
                subjectId);
    }

    /** The subject a visitor is linked to, if any. */
    public Optional<UUID> subjectOf(Holder visitor) {
        return Jdbc.first(dataSource, """
                SELECT linked_subject FROM consent_entry
                 WHERE action = 'LINK' AND holder_type = 'VISITOR' AND holder_id = ?
                 ORDER BY sequence LIMIT 1""", row -> Jdbc.uuid(row, 1), visitor.id());
    }

    public void recordObjection(UUID subjectId, UUID entryId, long sequence) {
        Jdbc.update(dataSource, """
                INSERT INTO subject_objection AS o (subject_id, entry_id, sequence) VALUES (?, ?, ?)
                ON CONFLICT (subject_id) DO NOTHING""", subjectId, entryId, sequence);
    }

    /** Ends the subject's objection in the projection (the ledger keeps both entries). */
    public void removeObjection(UUID subjectId) {
        Jdbc.update(dataSource, "DELETE FROM subject_objection WHERE subject_id = ?", subjectId);
    }

    public Optional<UUID> objection(UUID subjectId) {
        return Jdbc.first(
                dataSource,
                "SELECT entry_id FROM subject_objection WHERE subject_id = ?",
                row -> Jdbc.uuid(row, 1),
                subjectId);
    }

    public boolean isErased(Holder holder) {
        return Jdbc.first(
                        dataSource,
                        "SELECT 1 FROM erased_holder WHERE holder_type = ? AND holder_id = ?",
                        row -> true,
                        holder.type(),
                        holder.id())
                .isPresent();
    }

    /** Marks the holder erased with its hold date; a second erasure keeps the first's time and the later date. */
    public void markErased(Holder holder, Instant at, LocalDate holdUntil) {
        Jdbc.update(dataSource, """
                INSERT INTO erased_holder AS e (holder_type, holder_id, erased_at, hold_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (holder_type, holder_id) DO UPDATE
                   SET hold_until = greatest(e.hold_until, excluded.hold_until)""", holder.type(), holder.id(), at, holdUntil);
    }

    private static LedgerEntry ledgerEntry(ResultSet rows) throws SQLException {
        return new LedgerEntry(
                Jdbc.uuid(rows, "id"),
                rows.getLong("sequence"),
                new Holder(HolderType.valueOf(rows.getString("holder_type")), Jdbc.uuid(rows, "holder_id")),
                ConsentAction.valueOf(rows.getString("action")),
                rows.getString("purpose_id"),
                Jdbc.integer(rows, "purpose_version"),
                rows.getString("language"),
                rows.getString("text_hash"),
                Channel.valueOf(rows.getString("channel")),
                Jdbc.instant(rows, "recorded_at"),
                new RecordedBy(
                        RecordedBy.Kind.valueOf(rows.getString("recorded_by_kind")), rows.getString("recorded_by")),
                rows.getString("proof_reference"),
                Jdbc.uuid(rows, "refers_to"),
                Jdbc.uuid(rows, "linked_from"),
                Jdbc.uuid(rows, "linked_subject"),
                rows.getBytes("encrypted_email"));
    }
}
