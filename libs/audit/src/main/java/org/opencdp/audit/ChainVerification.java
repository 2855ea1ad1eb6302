package org.opencdp.audit;

import java.time.Instant;

/**
 * The outcome of recomputing a subject's hash chain: intact, or the first entry that does not verify. The
 * tampering happened at that entry (it was changed) or just before it (its predecessor was changed or removed).
 *
 * @param unkeyedEntries legacy entries written before the chain was keyed, verified only as an unkeyed hash (up to
 *     the first broken entry)
 * @param earlierEntriesDeletedBefore when the chain starts at a checkpoint (older audit periods were deleted by the
 *     retention purge): every earlier entry is older than this; null when the chain is complete from its start
 */
public record ChainVerification(
        boolean intact, Long firstBrokenEntryId, long unkeyedEntries, Instant earlierEntriesDeletedBefore) {

    static final ChainVerification INTACT = new ChainVerification(true, null);

    /** A complete chain with keyed entries only, or a broken one. */
    public ChainVerification(boolean intact, Long firstBrokenEntryId) {
        this(intact, firstBrokenEntryId, 0, null);
    }

    static ChainVerification brokenAt(long entryId) {
        return new ChainVerification(false, entryId);
    }
}
