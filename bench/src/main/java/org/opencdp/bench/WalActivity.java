package org.opencdp.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a run wrote to PostgreSQL's write-ahead log and how many checkpoints it caused, from the cluster's
 * statistics (pg_stat_wal, pg_stat_bgwriter; the whole cluster, both databases). A checkpoint requested by WAL
 * volume (max_wal_size reached) rather than by time is the sign of a cluster sized too small for its writes: after
 * each checkpoint the first change of every page writes the whole page to the WAL (a full-page image) again.
 */
final class WalActivity {

    private final Connection connection;
    private final Snapshot atStart;

    private WalActivity(Connection connection) throws SQLException {
        this.connection = connection;
        this.atStart = snapshot(connection);
    }

    /** Starts counting before a run, over a superuser connection to the cluster that stays open until {@link #end}. */
    static WalActivity start(Connection connection) throws SQLException {
        return new WalActivity(connection);
    }

    /** What the run wrote since {@link #start}, for {@code operations} operations. */
    Written end(long operations) throws SQLException {
        Snapshot now = snapshot(connection);
        double thousands = operations / 1000.0;
        return new Written(
                (now.bytes() - atStart.bytes()) / 1e6 / thousands,
                (now.fullPageImages() - atStart.fullPageImages()) / thousands,
                now.requested() - atStart.requested(),
                (now.backendWrites() - atStart.backendWrites()) / thousands);
    }

    /**
     * @param megabytesPerThousand WAL megabytes per 1,000 operations
     * @param fullPageImagesPerThousand full-page images per 1,000 operations
     * @param checkpointsRequested checkpoints requested meanwhile (by WAL volume, or by hand)
     * @param backendWritesPerThousand buffers the backends had to write out themselves to make room, per 1,000
     *     operations: shared_buffers too small for what the run touches
     */
    record Written(
            double megabytesPerThousand,
            double fullPageImagesPerThousand,
            long checkpointsRequested,
            double backendWritesPerThousand) {}

    private record Snapshot(long bytes, long fullPageImages, long requested, long backendWrites) {}

    private static Snapshot snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT w.wal_bytes, w.wal_fpi, b.checkpoints_req, b.buffers_backend"
                        + " FROM pg_stat_wal w, pg_stat_bgwriter b")) {
            rs.next();
            return new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }
}
