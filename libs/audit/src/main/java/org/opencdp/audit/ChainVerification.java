package org.opencdp.audit;

/**
 * The outcome of recomputing a subject's hash chain: intact, or the first entry that does not verify. The
 * tampering happened at that entry (it was changed) or just before it (its predecessor was changed or removed).
 */
public record ChainVerification(boolean intact, Long firstBrokenEntryId) {

    static final ChainVerification INTACT = new ChainVerification(true, null);

    static ChainVerification brokenAt(long entryId) {
        return new ChainVerification(false, entryId);
    }
}
