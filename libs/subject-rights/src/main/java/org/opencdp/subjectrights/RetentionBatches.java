package org.opencdp.subjectrights;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How a {@link RetentionCategory} counts and deletes its expired records: a large expiry (a year of tracking events)
 * is deleted {@value #BATCH} rows at a time, each batch in a transaction of its own, so no purge holds one huge
 * transaction, its locks and its WAL. A purge stopped halfway leaves only whole batches done; the next run deletes
 * the rest.
 */
@ApplicationScoped
public class RetentionBatches {

    public static final int BATCH = 10_000;

    @Inject
    DataSource dataSource;

    /**
     * Runs a statement that deletes at most as many rows as its last parameter (the batch size, which this method
     * adds), e.g. {@code DELETE FROM event WHERE id IN (SELECT id FROM event WHERE occurred_at < ? LIMIT ?)}, until a
     * batch deletes fewer; returns how many rows it deleted in all.
     */
    public long deleteInBatches(String sql, Object... parameters) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> Jdbc.update(dataSource, sql, withBatchSize(parameters)));
            total += deleted;
        } while (deleted >= BATCH);
        return total;
    }

    /** Runs one statement in a transaction of its own, e.g. dropping a whole expired partition; returns its count. */
    public int inOwnTransaction(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.update(dataSource, sql, parameters));
    }

    /** The single number a query returns, e.g. a {@code count(*)} of the expired records. */
    public long count(String sql, Object... parameters) {
        return Jdbc.first(dataSource, sql, rs -> rs.getLong(1), parameters).orElseThrow();
    }

    private static Object[] withBatchSize(Object[] parameters) {
        Object[] all = java.util.Arrays.copyOf(parameters, parameters.length + 1);
        all[parameters.length] = BATCH;
        return all;
    }
}
