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

/** Double opt-in tokens by their SHA-256; the token itself is never stored. */
@ApplicationScoped
public class OptInTokenRepository {

    /** A token taken out of the table: the pending entry it confirms and until when it was valid. */
    public record Taken(UUID pendingEntryId, Instant expiresAt) {}

    @Inject
    DataSource dataSource;

    public void insert(byte[] tokenHash, UUID pendingEntryId, Instant expiresAt) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO opt_in_token (token_hash, pending_entry_id, expires_at) VALUES (?, ?, ?)")) {
                insert.setBytes(1, tokenHash);
                insert.setObject(2, pendingEntryId);
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                return insert.executeUpdate();
            }
        });
    }

    /** Removes the token (it is used once) and returns what it stood for; empty when unknown or used. */
    public Optional<Taken> take(byte[] tokenHash) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM opt_in_token WHERE token_hash = ? RETURNING pending_entry_id, expires_at")) {
                delete.setBytes(1, tokenHash);
                ResultSet row = delete.executeQuery();
                return row.next()
                        ? Optional.of(new Taken(
                                row.getObject(1, UUID.class),
                                row.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        });
    }

    /** Deletes the open tokens of a holder's pending entries (erasure). */
    public int forgetAllOf(Holder holder) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM opt_in_token t USING consent_entry e
                     WHERE e.id = t.pending_entry_id AND e.holder_type = ? AND e.holder_id = ?""")) {
                delete.setString(1, holder.type().name());
                delete.setObject(2, holder.id());
                return delete.executeUpdate();
            }
        });
    }
}
