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
}
