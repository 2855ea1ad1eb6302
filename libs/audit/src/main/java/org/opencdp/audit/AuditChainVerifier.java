package org.opencdp.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.jdbc.Jdbc;

/**
 * Recomputes a subject's chain from its first entry, or from its checkpoint when older audit periods were
 * deleted. A changed entry fails its own hash (keyed entries can only be recomputed with the chain key, which is
 * not in the database); a removed entry breaks the link of the entry after it. Legacy unkeyed entries verify only
 * where they belong: before the first keyed entry of the chain and no later than the last entry written before the
 * chain was keyed, so an entry rewritten with a recomputed unkeyed hash is caught. Removing the newest entries
 * leaves a shorter chain that is intact: detecting that needs the chain's last hash kept outside the database
 * (see the README).
 */
@ApplicationScoped
public class AuditChainVerifier {

    /** Rows fetched per round trip, so a long chain streams through instead of filling memory. */
    private static final int FETCH_SIZE = 500;

    @Inject
    DataSource dataSource;

    @Inject
    ChainKeys keys;

    // A transaction, because PostgreSQL's driver streams a result only with auto-commit off.
    @Transactional
    public ChainVerification verify(UUID subjectId) {
        try (Connection c = dataSource.getConnection()) {
            long lastUnkeyedId = lastUnkeyedEntryId(c);
            Checkpoint checkpoint = checkpoint(c, subjectId);
            try (PreparedStatement chain = c.prepareStatement(
                    "SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE subject_id = ? ORDER BY id")) {
                Jdbc.bind(c, chain, subjectId);
                chain.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = chain.executeQuery()) {
                    return verify(rs, lastUnkeyedId, checkpoint);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read the audit trail", e);
        }
    }

    private ChainVerification verify(ResultSet rs, long lastUnkeyedId, Checkpoint checkpoint) throws SQLException {
        byte[] expectedPrevious = null;
        boolean first = true;
        boolean keyedSeen = false;
        long unkeyed = 0;
        Instant deletedBefore = null;
        while (rs.next()) {
            StoredEntry entry = StoredEntry.from(rs);
            if (first && entry.previousHash() != null) {
                // A chain may start in the middle only where the retention purge left a checkpoint.
                if (checkpoint == null || !checkpoint.startsAt(entry)) {
                    return ChainVerification.brokenAt(entry.id());
                }
                expectedPrevious = checkpoint.previousHash();
                deletedBefore = checkpoint.deletedBefore();
            }
            first = false;
            if (entry.keyed()) {
                keyedSeen = true;
            } else if (keyedSeen || entry.id() > lastUnkeyedId) {
                return ChainVerification.brokenAt(entry.id());
            } else {
                unkeyed++;
            }
            if (!entry.follows(expectedPrevious, keys)) {
                return ChainVerification.brokenAt(entry.id());
            }
            expectedPrevious = entry.entryHash();
        }
        return new ChainVerification(true, null, unkeyed, deletedBefore);
    }

    private static long lastUnkeyedEntryId(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_entry_id FROM audit_unkeyed_entries");
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Checkpoint checkpoint(Connection c, UUID subjectId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT first_entry_id, previous_hash, deleted_before FROM audit_chain_checkpoint WHERE subject_id = ?")) {
            Jdbc.bind(c, select, subjectId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? new Checkpoint(
                                rs.getLong(1),
                                rs.getBytes(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant())
                        : null;
            }
        }
    }

    /** Where the retention purge left the subject's chain: its first remaining entry and what that links to. */
    private record Checkpoint(long firstEntryId, byte[] previousHash, Instant deletedBefore) {

        boolean startsAt(StoredEntry entry) {
            return entry.id() == firstEntryId
                    && Arrays.equals(entry.previousHash(), previousHash)
                    && !entry.occurredAt().isBefore(deletedBefore);
        }
    }
}
