package org.opencdp.consent.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.Holder;
import org.opencdp.jdbc.Jdbc;

/** Double opt-in confirmation mails still to send, one per pending entry; no address and no token in here. */
@ApplicationScoped
public class OptInMailRepository {

    /** A mail that is due: the pending entry it is about and how often sending it failed so far. */
    public record Due(UUID pendingEntryId, int attempts) {}

    @Inject
    DataSource dataSource;

    public void insert(UUID pendingEntryId, Holder holder, Instant due) {
        Jdbc.update(dataSource, """
                INSERT INTO opt_in_mail (pending_entry_id, holder_type, holder_id, next_attempt_at)
                VALUES (?, ?, ?, ?)""", pendingEntryId, holder.type(), holder.id(), due);
    }

    /**
     * The next unsent mail that is due, locked until the caller's transaction ends; rows another replica is sending
     * are skipped, so each mail goes out from one replica only.
     */
    public Optional<Due> lockNextDue(Instant now) {
        return Jdbc.first(dataSource, """
                SELECT pending_entry_id, attempts FROM opt_in_mail
                 WHERE sent_at IS NULL AND next_attempt_at <= ?
                 ORDER BY next_attempt_at LIMIT 1
                 FOR UPDATE SKIP LOCKED""", row -> new Due(Jdbc.uuid(row, 1), row.getInt(2)), now);
    }

    public void markSent(UUID pendingEntryId, Instant at) {
        Jdbc.update(
                dataSource,
                "UPDATE opt_in_mail SET sent_at = ?, attempts = attempts + 1 WHERE pending_entry_id = ?",
                at,
                pendingEntryId);
    }

    public void retryAt(UUID pendingEntryId, Instant next) {
        Jdbc.update(
                dataSource,
                "UPDATE opt_in_mail SET next_attempt_at = ?, attempts = attempts + 1 WHERE pending_entry_id = ?",
                next,
                pendingEntryId);
    }

    /** A mail that has nothing left to confirm (the pending consent was revoked or replaced) is dropped. */
    public void delete(UUID pendingEntryId) {
        Jdbc.update(dataSource, "DELETE FROM opt_in_mail WHERE pending_entry_id = ?", pendingEntryId);
    }

    /** Deletes a holder's mails, sent or not (erasure). */
    public int forgetAllOf(Holder holder) {
        return Jdbc.update(
                dataSource,
                "DELETE FROM opt_in_mail WHERE holder_type = ? AND holder_id = ?",
                holder.type(),
                holder.id());
    }
}
