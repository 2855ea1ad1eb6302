package org.opencdp.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Recomputes a subject's hash chain from its first entry. A changed entry fails its own hash; a removed entry
 * breaks the link of the entry after it, because that entry's previous hash no longer matches. Removing the
 * newest entries leaves a shorter chain that is intact: detecting that needs the chain's last hash kept outside
 * the database (see the README).
 */
@ApplicationScoped
public class AuditChainVerifier {

    /** Rows fetched per round trip, so a long chain streams through instead of filling memory. */
    private static final int FETCH_SIZE = 500;

    @Inject
    DataSource dataSource;

    // A transaction, because PostgreSQL's driver streams a result only with auto-commit off.
    @Transactional
    public ChainVerification verify(UUID subjectId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement chain = c.prepareStatement(
                        "SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE subject_id = ? ORDER BY id")) {
            chain.setObject(1, subjectId);
            chain.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = chain.executeQuery()) {
                byte[] expectedPrevious = null;
                while (rs.next()) {
                    StoredEntry entry = StoredEntry.from(rs);
                    if (!entry.follows(expectedPrevious)) {
                        return ChainVerification.brokenAt(entry.id());
                    }
                    expectedPrevious = entry.entryHash();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return ChainVerification.INTACT;
    }
}
