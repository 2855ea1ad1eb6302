package org.opencdp.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * Appends entries to the subjects' hash chains, inside the caller's transaction. Each subject's chain is guarded
 * by a transaction-scoped advisory lock keyed on the subject, so writers of one subject append one after the
 * other while writers of unrelated subjects never wait for each other. The lock is held until the caller's
 * transaction ends: a rolled-back entry leaves the chain as it was, and the next writer links to the last
 * committed entry.
 */
@ApplicationScoped
class AuditChains {

    /** First key of every advisory lock taken here, so they cannot collide with other users of advisory locks. */
    static final int LOCK_SPACE = 0x41554454; // "AUDT"

    @Inject
    DataSource dataSource;

    @Inject
    ChainKeys keys;

    /**
     * One entry per subject, with that subject's action. Must run inside a transaction: the locks and the entries
     * belong to it. With {@link Ending#COMMIT} the entries and the transaction's COMMIT are sent in one round trip
     * ({@link AuditTrail#recordReadsAndCommit}).
     */
    void append(
            SortedMap<UUID, String> actionBySubject,
            String actor,
            String actorKind,
            String purpose,
            Durability durability,
            Ending ending) {
        // The DataSource joins the caller's JTA transaction, so this is the connection the caller's change uses.
        try (Connection c = dataSource.getConnection()) {
            List<Link> links = lockedChainHeads(c, actionBySubject.keySet(), durability);
            if (ending == Ending.COMMIT && links.size() <= MAX_ROWS_WITH_COMMIT) {
                insertAndCommit(c, links, actor, actorKind, actionBySubject, purpose);
            } else {
                insert(c, links, actor, actorKind, actionBySubject, purpose);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot append to the audit trail", e);
        }
    }

    /**
     * Folds a subject id into the 32-bit second key of an advisory lock. Subjects that share a key merely wait for
     * each other; the chains stay separate.
     */
    static int lockKey(UUID subject) {
        long folded = subject.getMostSignificantBits() ^ subject.getLeastSignificantBits();
        return (int) (folded ^ (folded >>> 32));
    }

    /**
     * Locks the subjects' chains, then reads each chain's last hash: two statements sent in one round trip. The read
     * is a statement of its own, after the locks were granted, so that its snapshot (READ COMMITTED: one per
     * statement, taken when the server binds it, which it does only after the first statement finished) sees every
     * entry committed before. The time comes from the database, one clock for every instance of the service, read
     * while the lock is held, so a chain's times never run backwards.
     */
    private static List<Link> lockedChainHeads(Connection c, Set<UUID> subjects, Durability durability)
            throws SQLException {
        // Every transaction takes its locks in ascending key order, so two of them recording overlapping sets of
        // subjects cannot deadlock each other. unnest yields the array in order, and the locks are taken row by row.
        Integer[] lockKeys =
                subjects.stream().map(AuditChains::lockKey).distinct().sorted().toArray(Integer[]::new);
        List<Link> links = new ArrayList<>(subjects.size());
        // A read-only transaction's commit need not wait for the flush (AuditTrail#recordReads). Whether it is
        // read-only is asked of PostgreSQL: a transaction that wrote anything has a transaction id. Done in the
        // read so that it costs no extra round trip; set_config(..., true) lasts until the transaction ends.
        try (PreparedStatement lockAndRead = c.prepareStatement("""
                SELECT count(pg_advisory_xact_lock(?, key)) FROM unnest(?::int4[]) AS key;
                SELECT s.subject_id, clock_timestamp() AS occurred_at,
                       current_setting('transaction_isolation') AS isolation,
                       CASE WHEN ? AND pg_current_xact_id_if_assigned() IS NULL
                            THEN set_config('synchronous_commit', 'off', true) END AS relaxed,
                       (SELECT e.entry_hash FROM audit_entry e
                         WHERE e.subject_id = s.subject_id ORDER BY e.id DESC LIMIT 1) AS head
                  FROM unnest(?::uuid[]) AS s(subject_id)""")) {
            Jdbc.bind(c, lockAndRead, LOCK_SPACE, lockKeys, durability == Durability.READ_ONLY, subjects);
            lockAndRead.execute(); // the first result is the locks' count
            if (!lockAndRead.getMoreResults()) {
                throw new IllegalStateException("the audit chain heads were not read");
            }
            try (ResultSet rs = lockAndRead.getResultSet()) {
                while (rs.next()) {
                    requireReadCommitted(rs.getString("isolation"));
                    links.add(new Link(
                            rs.getObject("subject_id", UUID.class),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rs.getBytes("head")));
                }
            }
        }
        return links;
    }

    /**
     * Under REPEATABLE READ or SERIALIZABLE the transaction's snapshot may predate the lock, so the last entry read
     * could be stale and the chain would fork: refused instead of recorded as a broken chain.
     */
    private static void requireReadCommitted(String isolation) {
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException(
                    "the audit trail must be written in a READ COMMITTED transaction, not " + isolation);
        }
    }

    /**
     * Whether the transaction goes on after the entries ({@link #OPEN}) or ends with them ({@link #COMMIT}: the COMMIT
     * sent together with the entries, so the transaction manager's commit finds nothing left to do).
     */
    enum Ending {
        OPEN,
        COMMIT
    }

    /** The columns of an entry, in the order {@link #entry} gives their values. */
    private static final String ENTRY_COLUMNS = "INSERT INTO audit_entry (subject_id, occurred_at, actor, actor_kind,"
            + " action, purpose, previous_hash, entry_hash, hash_version, key_id) VALUES ";

    private static final String ENTRY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int COLUMNS = 10;

    /**
     * More entries than this go in a batch, and the transaction manager's commit follows as usual: one statement
     * stays far below the protocol's 65,535 parameters.
     */
    static final int MAX_ROWS_WITH_COMMIT = 1_000;

    /** Keyed with the current chain key: only a holder of the key can write an entry that verifies. */
    private void insert(
            Connection c,
            List<Link> links,
            String actor,
            String actorKind,
            SortedMap<UUID, String> actionBySubject,
            String purpose)
            throws SQLException {
        String keyId = keys.currentId();
        try (PreparedStatement insert = c.prepareStatement(ENTRY_COLUMNS + ENTRY_VALUES)) {
            for (Link link : links) {
                Jdbc.bind(
                        c,
                        insert,
                        entry(link, keyId, actor, actorKind, actionBySubject.get(link.subjectId()), purpose));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The entries as one multi-row INSERT followed by COMMIT, both in one round trip. Should the INSERT fail,
     * PostgreSQL skips the COMMIT (an error ends the pipeline up to its sync) and the transaction is rolled back as
     * usual. pgjdbc learns from the server's answer that the transaction ended and sends no COMMIT of its own when the
     * transaction manager commits.
     */
    private void insertAndCommit(
            Connection c,
            List<Link> links,
            String actor,
            String actorKind,
            SortedMap<UUID, String> actionBySubject,
            String purpose)
            throws SQLException {
        String keyId = keys.currentId();
        String sql = ENTRY_COLUMNS + String.join(", ", Collections.nCopies(links.size(), ENTRY_VALUES)) + ";\nCOMMIT";
        try (PreparedStatement insertAndCommit = c.prepareStatement(sql)) {
            Object[] entries = new Object[links.size() * COLUMNS];
            for (int i = 0; i < links.size(); i++) {
                Link link = links.get(i);
                System.arraycopy(
                        entry(link, keyId, actor, actorKind, actionBySubject.get(link.subjectId()), purpose),
                        0,
                        entries,
                        i * COLUMNS,
                        COLUMNS);
            }
            Jdbc.bind(c, insertAndCommit, entries);
            insertAndCommit.execute();
        }
    }

    /** One entry's {@link #COLUMNS} values, in the order of {@link #ENTRY_COLUMNS}. */
    private Object[] entry(Link link, String keyId, String actor, String actorKind, String action, String purpose) {
        return new Object[] {
            link.subjectId(),
            link.occurredAt(),
            actor,
            actorKind,
            action,
            purpose,
            link.previousHash(),
            AuditEntryHash.keyed(
                    keys.current(),
                    keyId,
                    link.previousHash(),
                    link.subjectId(),
                    link.occurredAt(),
                    actor,
                    actorKind,
                    action,
                    purpose),
            AuditEntryHash.KEYED,
            keyId
        };
    }

    /** Where a new entry attaches: its subject's last hash (null for a new chain) and the time of recording. */
    private record Link(UUID subjectId, Instant occurredAt, byte[] previousHash) {}
}
