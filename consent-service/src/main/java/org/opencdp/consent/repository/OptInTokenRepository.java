package org.opencdp.consent.repository;

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
        Jdbc.update(
                dataSource,
                "INSERT INTO opt_in_token (token_hash, pending_entry_id, expires_at) VALUES (?, ?, ?)",
                tokenHash,
                pendingEntryId,
                expiresAt);
    }

    /** Removes the token (it is used once) and returns what it stood for; empty when unknown or used. */
    public Optional<Taken> take(byte[] tokenHash) {
        return Jdbc.first(
                dataSource,
                "DELETE FROM opt_in_token WHERE token_hash = ? RETURNING pending_entry_id, expires_at",
                row -> new Taken(Jdbc.uuid(row, 1), Jdbc.instant(row, 2)),
                tokenHash);
    }

    /** Deletes the open tokens of a holder's pending entries (erasure). */
    public int forgetAllOf(Holder holder) {
        return Jdbc.update(dataSource, """
                DELETE FROM opt_in_token t USING consent_entry e
                 WHERE e.id = t.pending_entry_id AND e.holder_type = ? AND e.holder_id = ?""", holder.type(), holder.id());
    }
}
