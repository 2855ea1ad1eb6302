package org.opencdp.consent.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
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
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement lock = c.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(?, k.key))
                      FROM (SELECT DISTINCT hashtext(? || ':' || p) AS key FROM unnest(?::text[]) AS p
                             ORDER BY 1) AS k""")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setString(2, holder.type() + ":" + holder.id());
                lock.setArray(3, c.createArrayOf("text", purposeIds.toArray()));
                lock.executeQuery().close();
            }
            return null;
        });
    }

    /** Appends an entry and returns its sequence. */
    public long append(LedgerEntry e) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO consent_entry (id, holder_type, holder_id, action, purpose_id, purpose_version,
                        language, text_hash, channel, recorded_at, recorded_by_kind, recorded_by, proof_reference,
                        refers_to, linked_from, linked_subject, encrypted_email)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING sequence""")) {
                insert.setObject(1, e.id());
                insert.setString(2, e.holder().type().name());
                insert.setObject(3, e.holder().id());
                insert.setString(4, e.action().name());
                insert.setString(5, e.purposeId());
                insert.setObject(6, e.purposeVersion());
                insert.setString(7, e.language());
                insert.setString(8, e.textHash());
                insert.setString(9, e.channel().name());
                insert.setTimestamp(10, Timestamp.from(e.recordedAt()));
                insert.setString(11, e.recordedBy().kind().name());
                insert.setString(12, e.recordedBy().name());
                insert.setString(13, e.proofReference());
                insert.setObject(14, e.refersTo());
                insert.setObject(15, e.linkedFrom());
                insert.setObject(16, e.linkedSubject());
                insert.setBytes(17, e.encryptedEmail());
                ResultSet row = insert.executeQuery();
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Moves the projection to the entry, unless it already reflects a later one. */
    public void advance(ConsentState state) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO consent_state AS s (holder_type, holder_id, purpose_id, status, entry_id, sequence)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (holder_type, holder_id, purpose_id) DO UPDATE
                       SET status = excluded.status, entry_id = excluded.entry_id, sequence = excluded.sequence
                     WHERE s.sequence < excluded.sequence""")) {
                upsert.setString(1, state.holder().type().name());
                upsert.setObject(2, state.holder().id());
                upsert.setString(3, state.purposeId());
                upsert.setString(4, state.status().name());
                upsert.setObject(5, state.entryId());
                upsert.setLong(6, state.sequence());
                return upsert.executeUpdate();
            }
        });
    }

    public List<ConsentState> states(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT purpose_id, status, entry_id, sequence FROM consent_state
                     WHERE holder_type = ? AND holder_id = ? ORDER BY purpose_id""")) {
                select.setString(1, holder.type().name());
                select.setObject(2, holder.id());
                ResultSet rows = select.executeQuery();
                List<ConsentState> states = new ArrayList<>();
                while (rows.next()) {
                    states.add(new ConsentState(
                            holder,
                            rows.getString("purpose_id"),
                            ConsentStatus.valueOf(rows.getString("status")),
                            rows.getObject("entry_id", UUID.class),
                            rows.getLong("sequence")));
                }
                return states;
            }
        });
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
                delete.setString(1, holder.type().name());
                delete.setObject(2, holder.id());
                deleted = delete.executeUpdate();
            }
            if (holder.type() == HolderType.SUBJECT) {
                try (PreparedStatement delete =
                        c.prepareStatement("DELETE FROM subject_objection WHERE subject_id = ?")) {
                    delete.setObject(1, holder.id());
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    public Optional<LedgerEntry> entry(UUID id) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM consent_entry WHERE id = ?")) {
                select.setObject(1, id);
                return entries(select.executeQuery()).stream().findFirst();
            }
        });
    }

    /** The holder's entries after a sequence, oldest first. */
    public List<LedgerEntry> entries(Holder holder, long afterSequence, int limit) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + ENTRY_COLUMNS + """
                     FROM consent_entry WHERE holder_type = ? AND holder_id = ? AND sequence > ?
                    ORDER BY sequence LIMIT ?""")) {
                select.setString(1, holder.type().name());
                select.setObject(2, holder.id());
                select.setLong(3, afterSequence);
                select.setInt(4, limit);
                return entries(select.executeQuery());
            }
        });
    }

    /**
     * A subject's history: its own entries and those of the visitors linked to it, in ledger order, after the entry
     * {@code after} (null: from the start).
     */
    public List<LedgerEntry> history(UUID subjectId, UUID after, int limit) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + ENTRY_COLUMNS + """
                     FROM consent_entry
                    WHERE ((holder_type = 'SUBJECT' AND holder_id = ?)
                           OR (holder_type = 'VISITOR' AND holder_id IN (SELECT l.holder_id FROM consent_entry l
                                                                          WHERE l.action = 'LINK'
                                                                            AND l.linked_subject = ?)))
                      AND sequence > coalesce((SELECT a.sequence FROM consent_entry a WHERE a.id = ?), 0)
                    ORDER BY sequence LIMIT ?""")) {
                select.setObject(1, subjectId);
                select.setObject(2, subjectId);
                select.setObject(3, after);
                select.setInt(4, limit);
                return entries(select.executeQuery());
            }
        });
    }

    /** Deletes the holder's entries (the retention purge, after the legal hold) and returns how many. */
    public int purge(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM consent_entry WHERE holder_type = ? AND holder_id = ?")) {
                delete.setString(1, holder.type().name());
                delete.setObject(2, holder.id());
                return delete.executeUpdate();
            }
        });
    }

    /** Erased holders whose legal hold ended before {@code day} and who still have entries. */
    public List<Holder> holdsEndedBefore(LocalDate day) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT e.holder_type, e.holder_id FROM erased_holder e
                     WHERE e.hold_until < ?
                       AND EXISTS (SELECT 1 FROM consent_entry x
                                    WHERE x.holder_type = e.holder_type AND x.holder_id = e.holder_id)""")) {
                select.setObject(1, day);
                ResultSet rows = select.executeQuery();
                List<Holder> holders = new ArrayList<>();
                while (rows.next()) {
                    holders.add(new Holder(HolderType.valueOf(rows.getString(1)), rows.getObject(2, UUID.class)));
                }
                return holders;
            }
        });
    }

    public long count(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT count(*) FROM consent_entry WHERE holder_type = ? AND holder_id = ?")) {
                select.setString(1, holder.type().name());
                select.setObject(2, holder.id());
                ResultSet row = select.executeQuery();
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** When the holder's newest entry was recorded, if any. */
    public Optional<java.time.Instant> lastRecordedAt(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT max(recorded_at) FROM consent_entry WHERE holder_type = ? AND holder_id = ?")) {
                select.setString(1, holder.type().name());
                select.setObject(2, holder.id());
                ResultSet row = select.executeQuery();
                row.next();
                Timestamp last = row.getTimestamp(1);
                return Optional.ofNullable(last).map(Timestamp::toInstant);
            }
        });
    }

    /** The visitors linked to a subject. */
    public List<Holder> visitorsLinkedTo(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT DISTINCT holder_id FROM consent_entry WHERE action = 'LINK' AND linked_subject = ?")) {
                select.setObject(1, subjectId);
                ResultSet rows = select.executeQuery();
                List<Holder> visitors = new ArrayList<>();
                while (rows.next()) {
                    visitors.add(new Holder(HolderType.VISITOR, rows.getObject(1, UUID.class)));
                }
                return visitors;
            }
        });
    }

    /** The subject a visitor is linked to, if any. */
    public Optional<UUID> subjectOf(Holder visitor) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT linked_subject FROM consent_entry
                     WHERE action = 'LINK' AND holder_type = 'VISITOR' AND holder_id = ?
                     ORDER BY sequence LIMIT 1""")) {
                select.setObject(1, visitor.id());
                ResultSet row = select.executeQuery();
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    public void recordObjection(UUID subjectId, UUID entryId, long sequence) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO subject_objection AS o (subject_id, entry_id, sequence) VALUES (?, ?, ?)
                    ON CONFLICT (subject_id) DO NOTHING""")) {
                upsert.setObject(1, subjectId);
                upsert.setObject(2, entryId);
                upsert.setLong(3, sequence);
                return upsert.executeUpdate();
            }
        });
    }

    /** Ends the subject's objection in the projection (the ledger keeps both entries). */
    public void removeObjection(UUID subjectId) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM subject_objection WHERE subject_id = ?")) {
                delete.setObject(1, subjectId);
                return delete.executeUpdate();
            }
        });
    }

    public Optional<UUID> objection(UUID subjectId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT entry_id FROM subject_objection WHERE subject_id = ?")) {
                select.setObject(1, subjectId);
                ResultSet row = select.executeQuery();
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    public boolean isErased(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT 1 FROM erased_holder WHERE holder_type = ? AND holder_id = ?")) {
                select.setString(1, holder.type().name());
                select.setObject(2, holder.id());
                return select.executeQuery().next();
            }
        });
    }

    /** Marks the holder erased with its hold date; a second erasure keeps the first's time and the later date. */
    public void markErased(Holder holder, java.time.Instant at, LocalDate holdUntil) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO erased_holder AS e (holder_type, holder_id, erased_at, hold_until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (holder_type, holder_id) DO UPDATE
                       SET hold_until = greatest(e.hold_until, excluded.hold_until)""")) {
                upsert.setString(1, holder.type().name());
                upsert.setObject(2, holder.id());
                upsert.setTimestamp(3, Timestamp.from(at));
                upsert.setObject(4, holdUntil);
                return upsert.executeUpdate();
            }
        });
    }

    private static List<LedgerEntry> entries(ResultSet rows) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        while (rows.next()) {
            entries.add(new LedgerEntry(
                    rows.getObject("id", UUID.class),
                    rows.getLong("sequence"),
                    new Holder(
                            HolderType.valueOf(rows.getString("holder_type")), rows.getObject("holder_id", UUID.class)),
                    ConsentAction.valueOf(rows.getString("action")),
                    rows.getString("purpose_id"),
                    rows.getObject("purpose_version", Integer.class),
                    rows.getString("language"),
                    rows.getString("text_hash"),
                    Channel.valueOf(rows.getString("channel")),
                    rows.getTimestamp("recorded_at").toInstant(),
                    new RecordedBy(
                            RecordedBy.Kind.valueOf(rows.getString("recorded_by_kind")), rows.getString("recorded_by")),
                    rows.getString("proof_reference"),
                    rows.getObject("refers_to", UUID.class),
                    rows.getObject("linked_from", UUID.class),
                    rows.getObject("linked_subject", UUID.class),
                    rows.getBytes("encrypted_email")));
        }
        return entries;
    }
}
