package org.opencdp.consent.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
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
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO opt_in_mail (pending_entry_id, holder_type, holder_id, next_attempt_at)
                    VALUES (?, ?, ?, ?)""")) {
                insert.setObject(1, pendingEntryId);
                insert.setString(2, holder.type().name());
                insert.setObject(3, holder.id());
                insert.setTimestamp(4, Timestamp.from(due));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * The next unsent mail that is due, locked until the caller's transaction ends; rows another replica is sending
     * are skipped, so each mail goes out from one replica only.
     */
    public Optional<Due> lockNextDue(Instant now) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT pending_entry_id, attempts FROM opt_in_mail
                     WHERE sent_at IS NULL AND next_attempt_at <= ?
                     ORDER BY next_attempt_at LIMIT 1
                     FOR UPDATE SKIP LOCKED""")) {
                select.setTimestamp(1, Timestamp.from(now));
                ResultSet row = select.executeQuery();
                return row.next()
                        ? Optional.of(new Due(row.getObject(1, UUID.class), row.getInt(2)))
                        : Optional.empty();
            }
        });
    }

    public void markSent(UUID pendingEntryId, Instant at) {
        update(
                "UPDATE opt_in_mail SET sent_at = ?, attempts = attempts + 1 WHERE pending_entry_id = ?",
                at,
                pendingEntryId);
    }

    public void retryAt(UUID pendingEntryId, Instant next) {
        update(
                "UPDATE opt_in_mail SET next_attempt_at = ?, attempts = attempts + 1 WHERE pending_entry_id = ?",
                next,
                pendingEntryId);
    }

    /** A mail that has nothing left to confirm (the pending consent was revoked or replaced) is dropped. */
    public void delete(UUID pendingEntryId) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM opt_in_mail WHERE pending_entry_id = ?")) {
                delete.setObject(1, pendingEntryId);
                return delete.executeUpdate();
            }
        });
    }

    /** Deletes a holder's mails, sent or not (erasure). */
    public int forgetAllOf(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM opt_in_mail WHERE holder_type = ? AND holder_id = ?")) {
                delete.setString(1, holder.type().name());
                delete.setObject(2, holder.id());
                return delete.executeUpdate();
            }
        });
    }

    private void update(String sql, Instant at, UUID pendingEntryId) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setObject(2, pendingEntryId);
                return update.executeUpdate();
            }
        });
    }
}
