package org.opencdp.subjectrights;

/**
 * A retention category a service holds (the ids of the retention contract, e.g. {@code tracking-raw-events}): one
 * CDI bean per category. The purge ({@code POST /api/v1/retention/purge}) computes the {@link Cutoff} from the
 * policy retention-service sends and asks the category to count or delete the records whose period started before
 * it. Deletion runs in bounded batches ({@link RetentionBatches}), each in a transaction of its own.
 */
public interface RetentionCategory {

    /** The category id of the retention contract. */
    String name();

    /** How many records have expired: their period's start is before the cutoff. Deletes nothing. */
    long countExpired(Cutoff cutoff);

    /** Deletes the expired records and returns how many it deleted. */
    long deleteExpired(Cutoff cutoff);

    /**
     * What the purge calls: counts and, unless a dry run, deletes. By default {@link #countExpired} and then
     * {@link #deleteExpired}, nothing skipped. A category whose expiry depends on answers from other services
     * ({@code inactive-customer-profile}) judges and deletes in one pass instead, so the counts agree, and reports the
     * records it could not judge as skipped rather than deleting them on a guess.
     */
    default Counts purge(Cutoff cutoff, boolean dryRun) {
        long expired = countExpired(cutoff);
        return new Counts(expired, dryRun ? 0 : deleteExpired(cutoff), 0);
    }

    /** A category's counts in one run: expired, deleted, and not judged ({@link CategoryPurge#skipped()}). */
    record Counts(long expired, long deleted, long skipped) {}
}
