package org.opencdp.audit;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.jdbc.Jdbc;

/** Reads a subject's audit trail page by page, oldest entry first, and says whether its chain is intact. */
@ApplicationScoped
public class AuditTrailReader {

    @Inject
    DataSource dataSource;

    @Inject
    AuditChainVerifier verifier;

    /**
     * The entries after {@code afterEntryId} (from the start when null), at most {@code limit} of them. The whole
     * chain is verified on every page, so a page never shows an intact chain that an earlier page contradicts.
     */
    @Transactional
    public AuditTrailPage page(UUID subjectId, Long afterEntryId, int limit) {
        ChainVerification chain = verifier.verify(subjectId);
        List<AuditEntryView> entries = entriesAfter(subjectId, afterEntryId == null ? 0 : afterEntryId, limit + 1);
        String next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = Long.toString(entries.get(limit - 1).id());
        }
        return new AuditTrailPage(
                subjectId,
                chain.intact(),
                chain.firstBrokenEntryId(),
                chain.unkeyedEntries(),
                chain.earlierEntriesDeletedBefore(),
                List.copyOf(entries),
                next);
    }

    private List<AuditEntryView> entriesAfter(UUID subjectId, long afterEntryId, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT " + StoredEntry.COLUMNS
                        + " FROM audit_entry WHERE subject_id = ? AND id > ? ORDER BY id LIMIT ?",
                rs -> StoredEntry.from(rs).view(),
                subjectId,
                afterEntryId,
                limit);
    }
}
